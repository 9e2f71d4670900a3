import itertools

import pytest

from actors.models import ActionIndexPage, ActionPage
from portal.taxonomy import DigCompEduArea, DigCompEduCompetence, ProfessionalisationForm, ProficiencyLevel
from tests import factories

_numbers = itertools.count(1)


@pytest.fixture
def offer(db, site_tree):
    """offer("Titel", competences=["3.2"], levels=["B1"], status="lopend", forms=["netwerk"]): a live
    action, indexed like any published page."""

    def make(title, competences=(), areas=(), levels=(), status="lopend", forms=(), cost="gratis"):
        page = ActionPage(
            title=title,
            slug=f"aanbod-{next(_numbers)}",
            summary=f"Samenvatting van {title}.",
            status=status,
            cost=cost,
        )
        page.digcompedu_competences = list(DigCompEduCompetence.objects.filter(code__in=competences))
        page.digcompedu_areas = list(DigCompEduArea.objects.filter(code__in=areas))
        page.levels = list(ProficiencyLevel.objects.filter(code__in=levels))
        page.forms = list(ProfessionalisationForm.objects.filter(code__in=forms))
        return factories._publish(page, factories.index(ActionIndexPage))

    return make
