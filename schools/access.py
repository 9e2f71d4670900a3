"""Getting a member's objects: every lookup starts at School.objects.for_member(user), so a school a
user is not a member of answers 404 (never 403: its existence is not confirmed)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import BEHEERDER, EDIT_ROLES, Plan, School, TeamRound


def school_for(user, pk, roles=None) -> School:
    school = get_object_or_404(School.objects.for_member(user), pk=pk)
    _require(school, user, roles)
    return school


def plan_for(user, pk, roles=None) -> Plan:
    plan = get_object_or_404(
        Plan.objects.filter(school__in=School.objects.for_member(user)).select_related("school"), pk=pk
    )
    _require(plan.school, user, roles)
    return plan


def round_for(user, pk, roles=None) -> TeamRound:
    team_round = get_object_or_404(
        TeamRound.objects.filter(school__in=School.objects.for_member(user)).select_related("school"), pk=pk
    )
    _require(team_round.school, user, roles)
    return team_round


def _require(school, user, roles):
    if roles is not None and school.role_of(user) not in roles:
        raise Http404("Hiervoor heb je niet de nodige rol in deze school.")


EDITORS = EDIT_ROLES
MANAGERS = (BEHEERDER,)
