"""A small corpus of fiches with known words and taxonomies, and the search backends to run it on."""

import datetime
import os

import pytest

from portal.taxonomy import (
    Audience,
    DigCompEduArea,
    DigCompEduCompetence,
    Pillar,
    ProfessionalisationForm,
    ProficiencyLevel,
    SchoolLevel,
)
from tests import factories
from tests.shared_data import SharedData


def make_action(
    title,
    text,
    *,
    areas=(),
    competences=(),
    pillars=(),
    cost="",
    levels=(),
    forms=(),
    pupils=False,
    status="onbekend",
    school_levels=(),
    audiences=(),
):
    """A published action with known words and taxonomies; its other texts are empty. The status is
    derived (actors/status.py): set what it is derived from."""
    fields = dict(
        factories.ACTION_TEXTS_BARE,
        title=title,
        description=text,
        summary=f"Over {title.lower()}.",
        cost=cost,
        for_pupils=pupils,
        self_paced=status == "doorlopend",
        end_date=datetime.date(2020, 1, 1) if status == "afgelopen" else None,
        digcompedu_areas=DigCompEduArea.objects.filter(code__in=areas),
        digcompedu_competences=DigCompEduCompetence.objects.filter(code__in=competences),
        pillars=Pillar.objects.filter(code__in=pillars),
        levels=ProficiencyLevel.objects.filter(code__in=levels),
        forms=ProfessionalisationForm.objects.filter(code__in=forms),
        school_levels=SchoolLevel.objects.filter(code__in=school_levels),
        audiences=Audience.objects.filter(code__in=audiences),
        eindtermen=(),
        networks=(),
        tags=(),
    )
    return factories.ActionPageFactory(**fields)


def build_corpus():
    from portal.site_tree import ensure_site_tree

    ensure_site_tree()
    pages = {
        "robot": make_action(
            "Robotica in de klas",
            "Leraren leren programmeren met robots in het lager onderwijs.",
            areas=["6"],
            competences=["6.3"],
            pillars=["aanbod"],
            cost="gratis",
            levels=["A1", "A2"],
            forms=["webinar"],
            pupils=True,
            status="doorlopend",
            school_levels=["lager"],
            audiences=["leerkrachten"],
        ),
        "opleiding": make_action(
            "Nascholing mediawijsheid",
            "Een opleiding over nepnieuws voor de ICT-coördinator en het team.",
            areas=["6"],
            competences=["6.1"],
            pillars=["aanbod", "digicoach"],
            cost="betalend",
            levels=["B1"],
            forms=["cursus"],
            status="doorlopend",
            school_levels=["secundair-1"],
            audiences=["ict-coordinatoren"],
        ),
        "screening": make_action(
            "Zelfevaluatie digitale competenties",
            "Een screening van de digitale vaardigheden van het schoolteam, met coördinatoren.",
            areas=["1"],
            competences=["1.3"],
            pillars=["screening"],
            cost="gratis",
            levels=["A1"],
            forms=["zelfevaluatie-instrument"],
            status="afgelopen",
            school_levels=["lager", "secundair-1"],
            audiences=["directies"],
        ),
        "netwerk": make_action(
            "Lerend netwerk ICT",
            "ICT-coördinatoren delen ervaringen over robotica en digitale toetsen in een netwerk.",
            areas=["1", "4"],
            competences=["1.2"],
            pillars=["netwerken"],
            cost="gratis",
            levels=["B1", "B2"],
            forms=["netwerk"],
            status="doorlopend",
            school_levels=["secundair-1"],
            audiences=["ict-coordinatoren"],
        ),
        "toetsen": make_action(
            "Digitaal toetsen",
            "Toetsen afnemen met digitale middelen en feedback geven.",
            areas=["4"],
            competences=["4.1", "4.3"],
            pillars=["aanbod"],
            cost="betalend",
            levels=["B2", "C1"],
            forms=["traject"],
            status="doorlopend",
            school_levels=["secundair-2"],
            audiences=["leerkrachten"],
        ),
        "programmeerclub": make_action(
            "Programmeerclub voor leerlingen",
            "Kinderen leren coderen na school.",
            areas=["6"],
            competences=["6.5"],
            pillars=["aanbod"],
            cost="gratis",
            levels=["A2"],
            forms=["training"],
            pupils=True,
            status="onbekend",
            school_levels=["lager"],
            audiences=["leerlingen"],
        ),
    }
    pages["actor"] = factories.actor("Robotica vzw")
    return pages


# Built once for all the tests that use it (tests/shared_data.py).
_corpus = SharedData("corpus", build_corpus)


@pytest.fixture(scope="session")
def _corpus_block(django_db_setup, django_db_blocker):
    yield from _corpus.session(django_db_blocker)


@pytest.fixture
def corpus(_corpus_block, db):
    """Seven fiches with known words and taxonomies, indexed (a fresh copy of the instances per test)."""
    return _corpus.get()


ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")

# Without a server the Elasticsearch cases are skipped when collected, before their corpus is built.
BACKENDS = [
    "database",
    pytest.param(
        "elasticsearch",
        marks=pytest.mark.skipif(
            not ELASTICSEARCH_URL,
            reason="ELASTICSEARCH_URL is not set: the Elasticsearch contract tests need a running server",
        ),
    ),
]


@pytest.fixture(params=BACKENDS)
def backend(request, corpus, settings):
    """Each backend that can run here, with the corpus indexed."""
    if request.param == "database":
        from search.backends.database import DatabaseBackend

        return DatabaseBackend()
    from search.backends.elasticsearch import ElasticsearchBackend

    backend = ElasticsearchBackend(ELASTICSEARCH_URL, "test-leerkracht-fiches")
    backend.rebuild()
    return backend
