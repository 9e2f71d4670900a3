"""The portal's offers a plan links to: live, public fiche pages, looked up by id.

A page behind a password, a login or a group restriction, a draft or a page that is not a fiche is
never an offer: a school user who types its id gets "Onbekende fiche", and a plan that linked it
before it became private no longer shows its title.
"""

from wagtail.models import Page

from portal.fiche import fiche_kinds
from portal.hygiene import parse_id
from portal.public import public


def _offers(ids):
    bounded = [pk for pk in (parse_id(i) for i in ids) if pk is not None]
    return public(Page.objects.live().type(*fiche_kinds()).filter(pk__in=bounded))


def known_offer_ids(ids) -> set[int]:
    return set(_offers(ids).values_list("pk", flat=True))


def offer_titles(ids) -> dict[int, tuple[str, str]]:
    pages = _offers(ids).only("title", "url_path")
    return {page.pk: (page.title, page.url) for page in pages}


def offer_groups(recommendations, found, ticked: set[int]) -> list[dict]:
    """The offer checkboxes of the goal form, each offer once: the recommended ones per competence,
    the ones found by the search, and the linked ones that are in neither."""

    def box(prefix, offer_id, title, url):
        shown.add(offer_id)
        return {
            "id": offer_id,
            "title": title,
            "url": url,
            "checked": offer_id in ticked,
            "dom_id": f"{prefix}-{offer_id}",
        }

    shown: set[int] = set()
    groups = []
    for rec in recommendations:
        offers = [
            box(f"rec-{rec.competence}", o.id, o.title, o.url_path) for o in rec.offers if o.id not in shown
        ]
        groups.append(
            {
                "legend": f"Aanbevolen voor {rec.label} (naar {rec.target_code})",
                "offers": offers,
                "kind": "aanbevolen",
            }
        )
    if found is not None:
        offers = [box("zoek", hit.id, hit.title, hit.url_path) for hit in found if hit.id not in shown]
        groups.append({"legend": "Gevonden aanbod", "offers": offers, "kind": "gevonden"})
    rest = sorted(ticked - shown)
    titles = offer_titles(rest)
    linked = [box("gekoppeld", i, *titles[i]) for i in rest if i in titles]
    if linked:
        groups.insert(0, {"legend": "Gekoppeld aanbod", "offers": linked, "kind": "gekoppeld"})
    return groups
