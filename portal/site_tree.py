"""The page tree every install starts with: the home page, the four section index pages and the
trust pages (Over, Contact, Privacy, Toegankelijkheid)."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from .pages import HomePage, StandardPage
from .trust_pages import trust_pages

HOME_INTRO = (
    "Leerkr@cht.net brengt in kaart wie in Vlaanderen leraren helpt digitaal sterker te worden: "
    "organisaties, hun acties en opleidingen, inspirerende praktijken en de analyses van de "
    "strategische partners. Zoek een aanbod op jouw niveau of verken het hele landschap."
)

# (model label, slug, title, intro). The content apps' index pages are named by label, as in
# HomePage.subpage_types, so the ground floor imports none of them.
SECTIONS = [
    (
        "actors.ActionIndexPage",
        "aanbod",
        "Aanbod",
        "Initiatieven en opleidingen die leraren digitaal sterker maken.",
    ),
    (
        "actors.ActorIndexPage",
        "actoren",
        "Actoren",
        "De organisaties die leraren ondersteunen bij hun digitale groei.",
    ),
    (
        "goodpractices.GoodPracticeIndexPage",
        "goede-praktijken",
        "Goede praktijken",
        "Praktijken die het actieprogramma inspireren, met hun sterkten en zwakten.",
    ),
    (
        "actors.PartnerGroupIndexPage",
        "partners",
        "Strategische partners",
        "De veertien groepen van partners, hun rol in de digitale transformatie en hun SWOT.",
    ),
]


@dataclass
class SiteTree:
    home: HomePage
    sections: dict[type, Page]

    def index_for(self, model) -> Page:
        return self.sections[model]


@transaction.atomic
def ensure_site_tree() -> SiteTree:
    """Create what is missing, keep what exists (editors' changes included)."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Leerkr@cht.net", slug="leerkracht", intro=HOME_INTRO))
        _point_default_site_at(home)
    sections = {}
    for label, slug, title, intro in SECTIONS:
        model = apps.get_model(label)
        page = model.objects.first()
        if page is None:
            page = home.add_child(instance=model(title=title, slug=slug, intro=intro))
        sections[model] = page
    _ensure_trust_pages(home)
    return SiteTree(home=home, sections=sections)


def _ensure_trust_pages(home: HomePage) -> None:
    """Over, Contact, Privacy and Toegankelijkheid: created once and published, then the editors' own."""
    existing = set(home.get_children().values_list("slug", flat=True))
    for slug, title, intro, body in trust_pages():
        if slug in existing:
            continue
        page = StandardPage(title=title, slug=slug, intro=intro, body=body)
        home.add_child(instance=page)
        page.save_revision().publish()


def _point_default_site_at(home: HomePage) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    # The site's address (used in sitemaps, feeds and the API) comes from WAGTAILADMIN_BASE_URL;
    # editors can change it under Instellingen > Sites.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if site is None:
        site = Site(is_default_site=True)
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.root_page, site.site_name = home, "Leerkr@cht.net"
    site.save()
    # Wagtail's own welcome page is of no use once the portal's home exists.
    if old_root is not None and old_root.specific_class is Page and old_root.depth == 2:
        old_root.delete()
