import datetime
import itertools

import pytest

from actors.models import ActionIndexPage, ActionPage
from portal.taxonomy import DigCompEduArea, DigCompEduCompetence, ProfessionalisationForm, ProficiencyLevel
from tests import factories

_numbers = itertools.count(1)


@pytest.fixture
def offer(db, site_tree):
    """offer("Titel", competences=["3.2"], levels=["B1"], status="doorlopend", forms=["netwerk"]): a live
    action, indexed like any published page. Its status is derived (actors/status.py): "doorlopend" is
    self-paced, "binnenkort" starts later, "afgelopen" ended, "onbekend" has nothing to go by."""

    def make(title, competences=(), areas=(), levels=(), status="doorlopend", forms=(), cost="gratis"):
        today = datetime.date.today()
        page = ActionPage(
            title=title,
            slug=f"aanbod-{next(_numbers)}",
            summary=f"Samenvatting van {title}.",
            self_paced=status == "doorlopend",
            start_date=today + datetime.timedelta(days=30) if status == "binnenkort" else None,
            end_date=today - datetime.timedelta(days=30) if status == "afgelopen" else None,
            cost=cost,
        )
        page.digcompedu_competences = list(DigCompEduCompetence.objects.filter(code__in=competences))
        page.digcompedu_areas = list(DigCompEduArea.objects.filter(code__in=areas))
        page.levels = list(ProficiencyLevel.objects.filter(code__in=levels))
        page.forms = list(ProfessionalisationForm.objects.filter(code__in=forms))
        return factories._publish(page, factories.index(ActionIndexPage))

    return make
