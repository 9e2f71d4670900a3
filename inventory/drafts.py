"""Turn parsed fiches into draft pages for review: never published, one transaction.

Shared by `manage.py import_fiches` (and, later, the admin's import view).
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from actors.models import ActionIndexPage, ActionPage, ActorIndexPage, ActorPage
from portal.site_tree import ensure_site_tree

from .fiche_parser import Fiche

# parser key -> page field, per kind. Contact persons never reach a public field.
ACTOR_FIELDS = {
    "korte_beschrijving": "description",
    "doel": "goal",
    "doelgroep": "audience_text",
    "huidige_rol": "current_role",
}
ACTION_FIELDS = {
    "korte_beschrijving": "description",
    "organisatie": "organisation_text",
    "doel": "goal",
    "doelgroep": "audience_text",
    "aanpak": "approach",
    "resultaten": "results",
    "data": "dates_text",
    "financiering": "funding",
}
KINDS = {
    "actor": (ActorPage, ActorIndexPage, ACTOR_FIELDS),
    "action": (ActionPage, ActionIndexPage, ACTION_FIELDS),
}


@dataclass
class ImportReport:
    created: list[ActorPage | ActionPage] = field(default_factory=list)
    skipped: list[tuple[Fiche, str]] = field(default_factory=list)  # (fiche, reason)


@transaction.atomic
def create_drafts(fiches: list[Fiche]) -> ImportReport:
    tree = ensure_site_tree()
    report = ImportReport()
    actors_by_title = {actor.title.lower(): actor for actor in ActorPage.objects.all()}
    for fiche in fiches:
        model, index_model, field_map = KINDS[fiche.kind]
        existing = model.objects.filter(source_reference=fiche.number).first()
        if existing is not None:
            report.skipped.append((fiche, f"fiche {fiche.number} bestaat al: {existing.title}"))
            continue
        parent = tree.index_for(index_model)
        page = model(
            title=fiche.title[:255],
            slug=find_available_slug(parent, slugify(fiche.title)[:200] or "fiche"),
            live=False,
        )
        for key, field_name in field_map.items():
            setattr(page, field_name, fiche.fields.get(key, ""))
        page.source_reference = fiche.number
        page.summary = _first_sentence(
            fiche.fields.get("korte_beschrijving") or fiche.fields.get("doel") or ""
        )
        page.editor_notes = _editor_notes(fiche)
        if model is ActionPage:
            page.organisers = organisers_named_in(fiche.fields.get("organisatie", ""), actors_by_title)
        parent.add_child(instance=page)
        page.save_revision()
        report.created.append(page)
    return report


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.{20,300}?[.!?])(\s|$)", text)
    return match.group(1) if match else text[:300]


def _editor_notes(fiche: Fiche) -> str:
    notes = [
        f"Geïmporteerd uit fiche {fiche.number}; de samenvatting is de eerste zin van de beschrijving: herschrijf ze."
    ]
    if fiche.fields.get("contactpersoon"):
        # Kept for the editors only: a fiche shows an organisation's public channel, never a person.
        notes.append("Contactpersoon volgens de fiche (niet publiceren): " + fiche.fields["contactpersoon"])
    return "\n\n".join(notes)


def organisers_named_in(text: str, actors_by_title: dict[str, ActorPage]) -> list[ActorPage]:
    lowered = text.lower()
    return [
        actor
        for title, actor in actors_by_title.items()
        if len(title) > 2 and re.search(rf"\b{re.escape(title)}\b", lowered)
    ]
