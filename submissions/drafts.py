"""A new offer from the public form becomes an unpublished action page: a draft for the editors, with
the first session (if the provider gave one) as a session of the draft."""

import datetime

from actors.drafts import add_offer_draft, offers_index
from actors.models import ActionPage, ActionSession


def session_from_submission(first: dict) -> ActionSession:
    return ActionSession(
        start=datetime.datetime.fromisoformat(first["start"]),
        end=datetime.datetime.fromisoformat(first["end"]) if first.get("end") else None,
        course_mode=first.get("course_mode") or "onsite",
        location=first.get("location", ""),
        registration_url=first.get("registration_url", ""),
    )


def offer_draft(data: dict, submission_id: int, first_session: dict | None = None) -> ActionPage:
    page = ActionPage(
        title=data["title"],
        summary=data["summary"],
        description=data["description"],
        organisation_text=data["organisation"],
        dates_text=data.get("sessions", ""),
        website=data.get("website", ""),
        cost=data.get("cost", ""),
        registration_url=data.get("registration_url", ""),
        editor_notes=f"Aangemeld via het publieke formulier (melding {submission_id}). Kies organisatoren en taxonomie.",
    )
    relations = {"audiences": "audiences", "school_levels": "school_levels", "levels": "levels"}
    relations.update(digcompedu_areas="digcompedu_areas", kinds="forms")
    for field, relation in relations.items():
        if data.get(field):
            setattr(page, relation, list(data[field]))
    if first_session:
        page.sessions = [session_from_submission(first_session)]
    return add_offer_draft(page, offers_index())
