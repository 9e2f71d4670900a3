"""Build fiche pages with every field filled, under the real section index pages."""

import datetime
import itertools

from actors.models import (
    ActionIndexPage,
    ActionPage,
    ActorIndexPage,
    ActorPage,
    PartnerGroupIndexPage,
    PartnerGroupPage,
)
from goodpractices.models import GoodPracticeIndexPage, GoodPracticePage
from portal.site_tree import ensure_site_tree
from portal.taxonomy import (
    Audience,
    DigCompEduArea,
    DigCompEduCompetence,
    EducationNetwork,
    EindtermBlock,
    Pillar,
    ProfessionalisationForm,
    ProficiencyLevel,
    SchoolLevel,
)

_numbers = itertools.count(1)

SWOT = {
    "sterkten": ["Sterk punt een", "Sterk punt twee"],
    "zwakten": ["Zwak punt"],
    "kansen": ["Kans op groei"],
    "bedreigingen": ["Dreiging van besparingen"],
}


def _publish(page, parent, live=True):
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def _common(page, title):
    page.title = title
    page.slug = f"{title.lower().replace(' ', '-')}-{next(_numbers)}"
    page.summary = f"Samenvatting van {title}."
    page.source_reference = "B.6.14"
    page.last_reviewed = datetime.date(2024, 5, 17)
    page.editor_notes = "GEHEIME-REDACTIENOTITIE"
    page.digcompedu_areas = list(DigCompEduArea.objects.filter(code__in=["2", "6"]))
    page.digcompedu_competences = list(DigCompEduCompetence.objects.filter(code="2.1"))
    page.pillars = list(Pillar.objects.filter(code="aanbod"))
    page.school_levels = list(SchoolLevel.objects.filter(code="lager"))
    page.audiences = list(Audience.objects.filter(code="leerkrachten"))
    page.networks = list(EducationNetwork.objects.filter(code="go"))
    page.tags.set(["programmeren", "robotica"])


def index(model):
    tree = ensure_site_tree()
    return tree.index_for(model)


def partner_group(title="Partnergroep Test", live=True):
    page = PartnerGroupPage(role="Rol van de partnergroep in de transformatie.")
    _common(page, title)
    page.set_swot(SWOT)
    return _publish(page, index(PartnerGroupIndexPage), live)


def actor(title="Actor Test", group=None, live=True):
    page = ActorPage(
        description="Korte beschrijving van de actor.",
        goal="Doel van de actor.",
        audience_text="Leerkrachten lager onderwijs.",
        current_role="Rol van de actor:\n- eerste taak\n- tweede taak",
        website="https://actor.example.be/",
        contact_channel="info@actor.example.be",
        fte="2,5 FTE",
        reach="1.200 leerkrachten per jaar",
        partner_group=group,
    )
    _common(page, title)
    return _publish(page, index(ActorIndexPage), live)


def action(title="Actie Test", organisers=(), live=True):
    page = ActionPage(
        description="Korte beschrijving van de actie.",
        organisation_text="Georganiseerd in samenwerking met partners.",
        goal="Doel van de actie.",
        audience_text="Leerkrachten secundair.",
        approach="Aanpak in drie stappen.",
        results="Verwachte resultaten.",
        dates_text="Elk schooljaar.",
        start_date=datetime.date(2019, 9, 1),
        end_date=datetime.date(2021, 6, 30),
        funding="Gefinancierd door de Vlaamse overheid.",
        cost="gratis",
        for_pupils=True,
        website="https://actie.example.be/",
        registration_url="https://actie.example.be/inschrijven",
    )
    _common(page, title)
    page.organisers = list(organisers)
    page.forms = list(ProfessionalisationForm.objects.filter(code="webinar"))
    page.levels = list(ProficiencyLevel.objects.filter(code__in=["A1", "A2"]))
    page.eindtermen = list(EindtermBlock.objects.filter(code="computationeel-denken"))
    return _publish(page, index(ActionIndexPage), live)


def good_practice(title="Good practice Test", actors=(), actions=(), live=True):
    page = GoodPracticePage(
        what="Wat de praktijk is.", why_inspiring="Waarom ze inspireert.", body="Toelichting."
    )
    _common(page, title)
    page.set_swot(SWOT)
    page.related_actors = list(actors)
    page.related_actions = list(actions)
    return _publish(page, index(GoodPracticeIndexPage), live)


def site_tree_after_flush():
    """The migrated base data and the page tree, for transactional tests: the flush that ends the
    previous transactional test also empties what migrations created (the root page, the taxonomies)."""
    from django.apps import apps
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    from portal.site_tree import ensure_site_tree
    from portal.taxonomy_seed import load_taxonomies

    if not Page.objects.filter(depth=1).exists():
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        locale, _ = Locale.objects.get_or_create(language_code=language)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    load_taxonomies(apps.get_model)
    return ensure_site_tree()
