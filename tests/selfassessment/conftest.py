import datetime

import pytest
from django.utils import timezone

from portal.taxonomy import DigCompEduArea, DigCompEduCompetence, ProfessionalisationForm, ProficiencyLevel
from tests import factories


@pytest.fixture
def offer(db, site_tree):
    """offer("Titel", competences=["3.2"], levels=["B1"], status="doorlopend", forms=["netwerk"]): a live
    action with only what is given, indexed like any published page. Its status is derived
    (actors/status.py): "doorlopend" is self-paced, "binnenkort" starts later, "afgelopen" ended,
    "onbekend" has nothing to go by."""

    def make(title, competences=(), areas=(), levels=(), status="doorlopend", forms=(), cost="gratis"):
        today = timezone.localdate()
        return factories.ActionPageFactory(
            bare=True,
            title=title,
            slug=f"aanbod-{next(factories._numbers)}",
            self_paced=status == "doorlopend",
            start_date=today + datetime.timedelta(days=30) if status == "binnenkort" else None,
            end_date=today - datetime.timedelta(days=30) if status == "afgelopen" else None,
            cost=cost,
            digcompedu_competences=DigCompEduCompetence.objects.filter(code__in=competences),
            digcompedu_areas=DigCompEduArea.objects.filter(code__in=areas),
            levels=ProficiencyLevel.objects.filter(code__in=levels),
            forms=ProfessionalisationForm.objects.filter(code__in=forms),
        )

    return make
