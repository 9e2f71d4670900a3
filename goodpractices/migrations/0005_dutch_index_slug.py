"""The good practices' index moves from /good-practices/ to /goede-praktijken/ (a Dutch URL): the
page's slug, its url_path and its descendants' url_paths, and the slug in its revisions (publishing an
older revision would otherwise bring the English path back). The old path redirects (goodpractices/urls.py)."""

from django.db import migrations

OLD, NEW = "good-practices", "goede-praktijken"


def rename(apps, schema_editor, old=OLD, new=NEW):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    IndexPage = apps.get_model("goodpractices", "GoodPracticeIndexPage")
    for index in IndexPage.objects.filter(slug=old):
        prefix = index.url_path
        new_prefix = prefix[: -len(old) - 1] + new + "/"
        for page in Page.objects.filter(path__startswith=index.path):
            if page.url_path.startswith(prefix):
                page.url_path = new_prefix + page.url_path[len(prefix) :]
                page.save(update_fields=["url_path"])
        Page.objects.filter(pk=index.pk).update(slug=new)
        for revision in Revision.objects.filter(
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
            object_id=str(index.pk),
            content__slug=old,
        ):
            revision.content = {**revision.content, "slug": new}
            revision.save(update_fields=["content"])


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("goodpractices", "0004_swot_kansen_label"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
