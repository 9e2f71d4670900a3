"""Test data in one place: factory-boy factories (wagtail-factories for the page tree).

Fiche pages come with every field filled and are published (or left as a draft with `live=False`)
under the real section index pages of the site tree. Any field can be given, e.g.
`ActionPageFactory(title="Robotica", cost="gratis", levels=[...], tags=[])`. Most tests use the short
forms below the factories: `factories.action("Titel", organisers=[actor])`.

Schools and accounts: `SchoolFactory()`, `UserFactory(email=...)` (a verified e-mail address, the
password in PASSWORD), `MembershipFactory(school=..., user=...)`.
"""

import datetime
import itertools

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from factory.django import DjangoModelFactory

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
from schools.models import BEHEERDER, Membership, School

_numbers = itertools.count(1)

PASSWORD = "Een-sterk-wachtwoord-42"

SWOT = {
    "sterkten": ["Sterk punt een", "Sterk punt twee"],
    "zwakten": ["Zwak punt"],
    "kansen": ["Kans op groei"],
    "bedreigingen": ["Dreiging van besparingen"],
}


def index(model):
    """The section index page of a kind (ActionIndexPage, ...), the site tree made if need be."""
    return ensure_site_tree().index_for(model)


def terms(model, *codes):
    """The taxonomy terms with these codes, looked up when the page is made."""
    return factory.LazyFunction(lambda: list(model.objects.filter(code__in=codes)))


# `bare=True`: only the title, a summary and what the test gives; no text, no taxonomy, no tags.
FICHE_BARE = dict(
    source_reference="",
    last_reviewed=None,
    editor_notes="",
    digcompedu_areas=(),
    digcompedu_competences=(),
    pillars=(),
    school_levels=(),
    audiences=(),
    networks=(),
    tags=(),
)


class FichePageFactory(wagtail_factories.PageFactory):
    """Every field a fiche has in common. The page is saved as a draft, then its revision published
    (as an editor does), unless `live=False`; `tags` and `swot` are set before the first save."""

    class Meta:
        abstract = True

    title = "Fiche"
    slug = factory.LazyAttribute(lambda page: f"{page.title.lower().replace(' ', '-')}-{next(_numbers)}")
    summary = factory.LazyAttribute(lambda page: f"Samenvatting van {page.title}.")
    source_reference = "B.6.14"
    last_reviewed = datetime.date(2024, 5, 17)
    editor_notes = "GEHEIME-REDACTIENOTITIE"
    digcompedu_areas = terms(DigCompEduArea, "2", "6")
    digcompedu_competences = terms(DigCompEduCompetence, "2.1")
    pillars = terms(Pillar, "aanbod")
    school_levels = terms(SchoolLevel, "lager")
    audiences = terms(Audience, "leerkrachten")
    networks = terms(EducationNetwork, "go")
    tags = ("programmeren", "robotica")
    live = True

    class Params:
        bare = factory.Trait(**FICHE_BARE)

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        tags, live, swot = kwargs.pop("tags"), kwargs.pop("live"), kwargs.pop("swot", None)
        relations = {name: kwargs.pop(name) for name in list(kwargs) if _is_many_to_many(model_class, name)}
        page = model_class(**kwargs)
        for name, values in relations.items():
            setattr(page, name, list(values))
        page.tags.set(list(tags))
        if swot is not None:
            page.set_swot(swot)
        return publish(page, parent, live)


def _is_many_to_many(model_class, name) -> bool:
    field = model_class._meta.get_field(name)
    return field.many_to_many


def publish(page, parent, live=True):
    """Add the page under its parent as a draft and publish its revision (unless live is False)."""
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


class PartnerGroupPageFactory(FichePageFactory):
    class Meta:
        model = PartnerGroupPage

    title = "Partnergroep Test"
    parent = factory.LazyFunction(lambda: index(PartnerGroupIndexPage))
    role = "Rol van de partnergroep in de transformatie."
    swot = SWOT


class ActorPageFactory(FichePageFactory):
    class Meta:
        model = ActorPage

    title = "Actor Test"
    parent = factory.LazyFunction(lambda: index(ActorIndexPage))
    description = "Korte beschrijving van de actor."
    goal = "Doel van de actor."
    audience_text = "Leerkrachten lager onderwijs."
    current_role = "Rol van de actor:\n- eerste taak\n- tweede taak"
    website = "https://actor.example.be/"
    contact_channel = "info@actor.example.be"
    fte = "2,5 FTE"
    reach = "1.200 leerkrachten per jaar"
    partner_group = None


# An action's own texts and dates, empty: for tests that must know every word an action holds.
ACTION_TEXTS_BARE = dict(
    description="",
    organisation_text="",
    goal="",
    audience_text="",
    approach="",
    results="",
    dates_text="",
    start_date=None,
    end_date=None,
    funding="",
    cost="",
)


class ActionPageFactory(FichePageFactory):
    class Meta:
        model = ActionPage

    title = "Actie Test"
    parent = factory.LazyFunction(lambda: index(ActionIndexPage))
    description = "Korte beschrijving van de actie."
    organisation_text = "Georganiseerd in samenwerking met partners."
    goal = "Doel van de actie."
    audience_text = "Leerkrachten secundair."
    approach = "Aanpak in drie stappen."
    results = "Verwachte resultaten."
    dates_text = "Elk schooljaar."
    start_date = datetime.date(2019, 9, 1)
    end_date = datetime.date(2021, 6, 30)
    funding = "Gefinancierd door de Vlaamse overheid."
    cost = "gratis"
    for_pupils = True
    website = "https://actie.example.be/"
    registration_url = "https://actie.example.be/inschrijven"
    organisers = ()
    forms = terms(ProfessionalisationForm, "webinar")
    levels = terms(ProficiencyLevel, "A1", "A2")
    eindtermen = terms(EindtermBlock, "computationeel-denken")

    class Params:
        bare = factory.Trait(
            **FICHE_BARE,
            **ACTION_TEXTS_BARE,
            for_pupils=False,
            website="",
            registration_url="",
            forms=(),
            levels=(),
            eindtermen=(),
        )


class GoodPracticePageFactory(FichePageFactory):
    class Meta:
        model = GoodPracticePage

    title = "Good practice Test"
    parent = factory.LazyFunction(lambda: index(GoodPracticeIndexPage))
    what = "Wat de praktijk is."
    why_inspiring = "Waarom ze inspireert."
    body = "Toelichting."
    swot = SWOT
    related_actors = ()
    related_actions = ()


# The short forms most tests use.


def partner_group(title="Partnergroep Test", live=True, **fields):
    return PartnerGroupPageFactory(title=title, live=live, **fields)


def actor(title="Actor Test", group=None, live=True, **fields):
    return ActorPageFactory(title=title, partner_group=group, live=live, **fields)


def action(title="Actie Test", organisers=(), live=True, **fields):
    return ActionPageFactory(title=title, organisers=organisers, live=live, **fields)


def good_practice(title="Good practice Test", actors=(), actions=(), live=True, **fields):
    return GoodPracticePageFactory(
        title=title, related_actors=actors, related_actions=actions, live=live, **fields
    )


# Schools and accounts.


class SchoolFactory(DjangoModelFactory):
    class Meta:
        model = School

    name = "Basisschool De Klimop"
    network = "go"
    levels = factory.LazyFunction(lambda: ["lager"])


class UserFactory(DjangoModelFactory):
    """An account that can log in with its e-mail address and PASSWORD (the address is verified)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@school.test")
    username = factory.LazyAttribute(lambda user: user.email)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            user.save()
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    school = factory.SubFactory(SchoolFactory)
    user = factory.SubFactory(UserFactory)
    role = BEHEERDER


def site_tree_after_flush():
    """The migrated base data and the page tree, for transactional tests: the flush that ends the
    previous transactional test also empties what migrations created (the root page, the taxonomies)."""
    from django.apps import apps
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    from portal.taxonomy_seed import load_taxonomies

    if not Page.objects.filter(depth=1).exists():
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        locale, _ = Locale.objects.get_or_create(language_code=language)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    load_taxonomies(apps.get_model)
    return ensure_site_tree()
