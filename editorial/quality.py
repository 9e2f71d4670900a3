"""The quality report: what is missing or inconsistent in the fiches, one row per problem."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone

from actors.models import ActionPage
from actors.status import UNKNOWN, action_status

from .review import FICHE_MODELS


@dataclass
class Problem:
    page: object
    problem: str


def quality_problems() -> list[Problem]:
    problems: list[Problem] = []
    for model in FICHE_MODELS:
        pages = model.objects.annotate(
            n_areas=Count("digcompedu_areas", distinct=True), n_pillars=Count("pillars", distinct=True)
        )
        problems += [Problem(p, "geen DigCompEdu-domein") for p in pages.filter(n_areas=0)]
        problems += [Problem(p, "geen pijler") for p in pages.filter(n_pillars=0)]
        problems += [Problem(p, "geen samenvatting") for p in model.objects.filter(summary="")]
    actions = ActionPage.objects.annotate(
        n_organisers=Count("organisers", distinct=True), n_levels=Count("levels", distinct=True)
    )
    problems += [Problem(p, "geen organisator") for p in actions.filter(n_organisers=0)]
    problems += [Problem(p, "geen competentieniveau") for p in actions.filter(n_levels=0)]
    problems += [
        Problem(
            p, "status niet af te leiden: geen sessies, geen data en niet als doorlopend aanbod gemarkeerd"
        )
        for p in ActionPage.objects.prefetch_related("sessions")
        if action_status(p) == UNKNOWN
    ]
    problems += [
        Problem(p, f"doorlopend aanbod maar einddatum {p.end_date:%d/%m/%Y} is voorbij")
        for p in ActionPage.objects.filter(self_paced=True, end_date__lt=timezone.localdate())
    ]
    for model in FICHE_MODELS:
        duplicated = (
            model.objects.annotate(lower=Lower("title"))
            .order_by()  # the default tree ordering would split the groups
            .values("lower")
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .values_list("lower", flat=True)
        )
        for page in model.objects.annotate(lower=Lower("title")).filter(Q(lower__in=list(duplicated))):
            problems.append(Problem(page, "titel komt meer dan eens voor"))
    return sorted(problems, key=lambda p: (p.page.title.lower(), p.problem))
