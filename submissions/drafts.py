"""A new offer from the public form becomes an unpublished action page: a draft for the editors."""

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from actors.models import ActionIndexPage, ActionPage


def offer_draft(data: dict, submission_id: int) -> ActionPage:
    parent = ActionIndexPage.objects.first()
    page = ActionPage(
        title=data["title"],
        slug=find_available_slug(parent, slugify(data["title"])[:70] or "aanbod"),
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
