"""A new offer from the public form becomes an unpublished action page: a draft for the editors."""

from django.utils.text import slugify

from actors.models import ActionIndexPage, ActionPage


def _free_slug(parent, title: str) -> str:
    base = slugify(title)[:70] or "aanbod"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def offer_draft(data: dict, submission_id: int) -> ActionPage:
    parent = ActionIndexPage.objects.first()
    page = ActionPage(
        title=data["title"],
        slug=_free_slug(parent, data["title"]),
        summary=data["summary"],
        description=data["description"],
        organisation_text=data["organisation"],
        dates_text=data.get("sessions", ""),
        website=data.get("website", ""),
        cost=data.get("cost", ""),
        registration_url=data.get("registration_url", ""),
        editor_notes=f"Aangemeld via het publieke formulier (melding {submission_id}). Kies organisatoren en taxonomie.",
        live=False,
    )
    relations = {"audiences": "audiences", "school_levels": "school_levels", "levels": "levels"}
    relations.update(digcompedu_areas="digcompedu_areas", kinds="forms")
    for field, relation in relations.items():
        if data.get(field):
            setattr(page, relation, list(data[field]))
    parent.add_child(instance=page)
    page.save_revision()
    return page
