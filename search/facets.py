"""The search facets: their URL parameter, Dutch heading, allowed values and how a page fills them.

Adding a facet means adding it here (and to the Elasticsearch mapping); params, indexing, the backends
and the templates all read this list.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from portal.fiche import fiche_kinds
from portal.request_memo import once_per_request
from portal.taxonomy import (
    TAXONOMY_MODELS,
    Audience,
    DigCompEduArea,
    DigCompEduCompetence,
    EducationNetwork,
    Pillar,
    ProfessionalisationForm,
    ProficiencyLevel,
    SchoolLevel,
)
from portal.term_union import read_union, table, term_order

YES_NO = (("ja", "Ja"), ("nee", "Nee"))


@dataclass(frozen=True)
class Facet:
    name: str  # the URL parameter and the JSON key
    label: str  # the Dutch heading
    taxonomies: tuple = ()  # taxonomy models whose codes are the values
    choices: tuple[tuple[str, str], ...] = ()  # fixed values, when not a taxonomy
    page_values: Callable | None = None  # page -> iterable of values (None: from `relation`)
    relation: str = ""  # the page's taxonomy relation holding the codes
    choices_from: Callable | None = None  # () -> [(value, label)], for values that are pages
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()  # old values that links may still carry


def _page_type(page) -> list[str]:
    return [PAGE_TYPES[type(page).__name__]]


def _yes_no(attribute: str, yes: Callable) -> Callable:
    def values(page):
        if not hasattr(page, attribute):
            return []
        value = getattr(page, attribute)
        if value in ("", None):
            return []
        return ["ja" if yes(value) else "nee"]

    return values


def _from_the_kind(facet_name: str) -> Callable:
    """Values each kind of fiche gives itself (FichePage.search_facet_values), e.g. its partner group."""

    def values(page):
        return page.search_facet_values().get(facet_name, [])

    return values


def _choices_from_the_kinds(facet_name: str) -> Callable:
    """The values the kinds of fiche offer for a facet (FichePage.search_facet_choices)."""

    def choices():
        return [choice for kind_choices in _kinds_choices() for choice in kind_choices.get(facet_name, [])]

    return choices


def _kinds_choices() -> list[dict[str, list[tuple[str, str]]]]:
    """Every kind's facet choices, asked once per request (the partner groups are a query)."""
    return once_per_request(
        "fiche-kind-choices", lambda: [kind.search_facet_choices() for kind in fiche_kinds()]
    )


PAGE_TYPES = {
    "ActorPage": "actor",
    "ActionPage": "actie",
    "GoodPracticePage": "goodpractice",
    "PartnerGroupPage": "partnergroep",
}
TYPE_CHOICES = (
    ("actie", "Aanbod"),
    ("actor", "Actoren"),
    ("goodpractice", "Goede praktijken"),
    ("partnergroep", "Partnergroepen"),
)

FACETS = [
    Facet("type", "Soort", choices=TYPE_CHOICES, page_values=_page_type),
    Facet("digcompedu", "DigCompEdu", taxonomies=(DigCompEduArea, DigCompEduCompetence)),
    Facet("pijler", "Pijler", taxonomies=(Pillar,), relation="pillars"),
    Facet("niveau", "Competentieniveau", taxonomies=(ProficiencyLevel,), relation="levels"),
    Facet("onderwijsniveau", "Onderwijsniveau", taxonomies=(SchoolLevel,), relation="school_levels"),
    Facet("doelgroep", "Doelgroep", taxonomies=(Audience,), relation="audiences"),
    Facet("vorm", "Vorm", taxonomies=(ProfessionalisationForm,), relation="forms"),
    Facet("gratis", "Gratis", choices=YES_NO, page_values=_yes_no("cost", lambda cost: cost == "gratis")),
    Facet("leerlingen", "Voor leerlingen", choices=YES_NO, page_values=_yes_no("for_pupils", bool)),
    Facet("net", "Onderwijsnet", taxonomies=(EducationNetwork,), relation="networks"),
    Facet(
        "partnergroep",
        "Partnergroep",
        page_values=_from_the_kind("partnergroep"),
        choices_from=_choices_from_the_kinds("partnergroep"),
    ),
    Facet(
        "status",
        "Status",
        page_values=_from_the_kind("status"),
        choices_from=_choices_from_the_kinds("status"),
        aliases=(("lopend", ("binnenkort", "doorlopend")),),  # the stored status before sessions
    ),
]
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
# The facets whose values every hit carries (SearchHit.digcompedu, .pijlers and .values).
HIT_FACETS = ("digcompedu", "pijler", "niveau", "onderwijsniveau", "vorm", "gratis", "status")


def page_facet_values(page) -> dict[str, list[str]]:
    """Every facet's values for one (specific) page."""
    values = {}
    for facet in FACETS:
        if facet.page_values is not None:
            values[facet.name] = list(facet.page_values(page))
        elif facet.name == "digcompedu":
            values[facet.name] = [t.code for t in page.digcompedu_areas.all()] + [
                t.code for t in page.digcompedu_competences.all()
            ]
        elif hasattr(page, facet.relation):
            values[facet.name] = [term.code for term in getattr(page, facet.relation).all()]
        else:
            values[facet.name] = []
    return values


# --- the vocabulary: every facet's allowed values and their labels, cached until a taxonomy changes ---

_CACHE_KEY = "search:facet-vocabulary:v1"


def vocabulary() -> dict[str, dict[str, str]]:
    """{facet name: {value: label}} in display order."""
    result = cache.get(_CACHE_KEY)
    if result is None:
        result = {}
        taxonomies = [model for facet in FACETS for model in facet.taxonomies]
        terms_of = dict(zip(taxonomies, read_union([(m, table(m), []) for m in taxonomies]), strict=True))
        for facet in FACETS:
            if facet.choices:
                result[facet.name] = dict(facet.choices)
            elif facet.choices_from:
                result[facet.name] = dict(facet.choices_from())
            else:
                terms = [
                    term for model in facet.taxonomies for term in sorted(terms_of[model], key=term_order)
                ]
                if facet.name == "digcompedu":  # each area followed by its competences
                    terms.sort(key=lambda term: tuple(int(part) for part in term.code.split(".")))
                result[facet.name] = {term.code: _term_label(term) for term in terms}
        cache.set(_CACHE_KEY, result, 300)
    return result


def _term_label(term) -> str:
    if isinstance(term, DigCompEduArea | DigCompEduCompetence | ProficiencyLevel):
        return str(term)
    return term.label


def _forget_vocabulary(**kwargs) -> None:
    cache.delete(_CACHE_KEY)


def _forget_when_partner_groups_change(instance, **kwargs) -> None:
    if type(instance).__name__ == "PartnerGroupPage":
        cache.delete(_CACHE_KEY)


page_published.connect(_forget_when_partner_groups_change, dispatch_uid="facet-vocab-group-published")
page_unpublished.connect(_forget_when_partner_groups_change, dispatch_uid="facet-vocab-group-unpublished")

for _model in TAXONOMY_MODELS:
    post_save.connect(_forget_vocabulary, sender=_model, dispatch_uid=f"facet-vocab-save-{_model.__name__}")
    post_delete.connect(
        _forget_vocabulary, sender=_model, dispatch_uid=f"facet-vocab-delete-{_model.__name__}"
    )
