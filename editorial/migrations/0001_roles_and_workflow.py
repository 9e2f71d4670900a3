"""The editorial roles and the moderation workflow, so a fresh database has them.

- Redacteur: creates and edits fiches and submits them for review; cannot publish.
- Eindredacteur: reviews, publishes and unpublishes; manages taxonomies and redirects.
- Beheerder: all of that, plus accounts and groups.
Every page (from the root down) goes through the workflow "Redactionele controle": an Eindredacteur
approves (published) or rejects with a comment (back to the author).
"""

from django.db import migrations

ROLES = {
    "Redacteur": {"pages": ["add", "change", "lock"], "models": [], "view_taxonomies": True},
    "Eindredacteur": {
        "pages": ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
        "models": [("wagtailredirects", "redirect", ["add", "change", "delete"])],
        "manage_taxonomies": True,
    },
    "Beheerder": {
        "pages": ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
        "models": [
            ("wagtailredirects", "redirect", ["add", "change", "delete"]),
            ("auth", "user", ["add", "change", "delete", "view"]),
            ("auth", "group", ["add", "change", "delete", "view"]),
            ("wagtailcore", "site", ["add", "change", "delete"]),
        ],
        "manage_taxonomies": True,
    },
}
TAXONOMY_MODELS = [
    "digcompeduarea",
    "digcompeducompetence",
    "proficiencylevel",
    "pillar",
    "schoollevel",
    "audience",
    "professionalisationform",
    "eindtermblock",
    "educationnetwork",
]
WORKFLOW_NAME = "Redactionele controle"
TASK_NAME = "Goedkeuring door de eindredactie"


def permission(apps, app_label, model, action):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
    )
    return found


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Page = apps.get_model("wagtailcore.Page")
    root = Page.objects.filter(depth=1).first()
    access_admin = permission(apps, "wagtailadmin", "admin", "access")
    groups = {}
    for name, spec in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for action in spec["pages"]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission(apps, "wagtailcore", "page", action)
            )
        for app_label, model, actions in spec["models"]:
            group.permissions.add(*(permission(apps, app_label, model, action) for action in actions))
        actions = ["add", "change", "delete", "view"] if spec.get("manage_taxonomies") else ["view"]
        group.permissions.add(*(permission(apps, "portal", model, action) for model in TAXONOMY_MODELS for action in actions))
        groups[name] = group

    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups["Eindredacteur"], groups["Beheerder"]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    # Wagtail's own English starter groups are replaced by these roles (kept if someone uses them).
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("portal", "0004_home_featured_offers"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
