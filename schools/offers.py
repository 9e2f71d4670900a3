"""The portal's offers a plan links to: live fiche pages, looked up by id."""

from wagtail.models import Page


def known_offer_ids(ids) -> set[int]:
    return set(Page.objects.live().filter(pk__in=list(ids)).values_list("pk", flat=True))


def offer_titles(ids) -> dict[int, tuple[str, str]]:
    pages = Page.objects.live().filter(pk__in=list(ids)).only("title", "url_path")
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
