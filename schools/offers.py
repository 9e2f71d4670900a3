"""The portal's offers a plan links to: live fiche pages, looked up by id."""

from wagtail.models import Page


def known_offer_ids(ids) -> set[int]:
    return set(Page.objects.live().filter(pk__in=list(ids)).values_list("pk", flat=True))


def offer_titles(ids) -> dict[int, tuple[str, str]]:
    pages = Page.objects.live().filter(pk__in=list(ids)).only("title", "url_path")
    return {page.pk: (page.title, page.url) for page in pages}
