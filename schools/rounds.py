"""One answer per person per round, by construction.

Each person (a member's or an invited address's e-mail) holds at most one RoundTicket per round
(a database constraint). Answering through the personal link or through the account spends that
ticket in the same transaction that stores the anonymous answer; the answer keeps no reference to
the ticket. Closing a round freezes its team result and erases the individual answers.
"""

import secrets

from django.db import transaction
from django.utils import timezone

from selfassessment import codes

from . import aggregates
from .models import RoundTicket, TeamAnswer, TeamRound, ticket_digest

NO_TICKET = (
    "Deze persoonlijke link is al gebruikt of bestaat niet. Elke collega antwoordt één keer per ronde."
)
SAME_CODE = (
    "Deze resultaatcode telt al mee in deze ronde. Elke collega antwoordt één keer, met een eigen "
    "resultaat. Er is niets toegevoegd."
)
ALREADY = "Je antwoordde al in deze ronde. Er is niets toegevoegd."


class Refused(Exception):
    """The answer was not stored; the message is Dutch and meant for the visitor."""


def recipients(school) -> list[str]:
    """Everyone who may answer: the members and the addresses invited but not yet joined."""
    emails = {m.user.email.lower() for m in school.memberships.select_related("user") if m.user.email}
    emails |= {i.email.lower() for i in school.invitations.filter(accepted_at__isnull=True)}
    return sorted(emails)


def issue_tickets(team_round: TeamRound) -> dict[str, str]:
    """A new personal link for every recipient who has none yet: {email: token}. Tokens are returned
    once (to be e-mailed) and only their digest is kept."""
    have = set(team_round.tickets.values_list("email", flat=True))
    new = [email for email in recipients(team_round.school) if email not in have]
    secrets.SystemRandom().shuffle(new)  # row order says nothing about who got which link
    tokens = {email: secrets.token_urlsafe(24) for email in new}
    RoundTicket.objects.bulk_create(
        RoundTicket(round=team_round, email=email, digest=ticket_digest(token))
        for email, token in tokens.items()
    )
    return tokens


def ticket_round(token: str) -> TeamRound | None:
    ticket = (
        RoundTicket.objects.filter(digest=ticket_digest(token), spent=False)
        .select_related("round__school")
        .first()
    )
    return ticket.round if ticket else None


def _store(team_round: TeamRound, result: codes.DecodedResult) -> TeamAnswer:
    if any(levels == result.levels for levels in team_round.answers.values_list("levels", flat=True)):
        raise Refused(SAME_CODE)
    return TeamAnswer.objects.create(round=team_round, levels=result.levels)


@transaction.atomic
def answer_with_link(token: str, code: str) -> TeamAnswer:
    ticket = (
        RoundTicket.objects.select_for_update()
        .filter(digest=ticket_digest(token), spent=False, round__is_open=True)
        .select_related("round")
        .first()
    )
    if ticket is None:
        raise Refused(NO_TICKET)
    try:
        result = codes.decode(code)
    except codes.InvalidCode as exc:
        raise Refused(str(exc)) from exc
    answer = _store(ticket.round, result)
    RoundTicket.objects.filter(pk=ticket.pk).update(spent=True)
    return answer


@transaction.atomic
def answer_with_account(team_round: TeamRound, user, code: str) -> TeamAnswer:
    """A member's answer through their account spends the ticket of their address (created here if
    no link was sent), so the personal link no longer works for them, and the other way round."""
    email = (user.email or "").lower()
    if not email or not team_round.is_open:
        raise Refused(ALREADY)
    ticket, _ = RoundTicket.objects.get_or_create(
        round=team_round, email=email, defaults={"digest": ticket_digest(secrets.token_urlsafe(24))}
    )
    ticket = RoundTicket.objects.select_for_update().get(pk=ticket.pk)
    if ticket.spent:
        raise Refused(ALREADY)
    answer = _store(team_round, codes.decode(code))
    RoundTicket.objects.filter(pk=ticket.pk).update(spent=True)
    return answer


def give_back(team_round: TeamRound, user) -> None:
    """A withdrawn answer (while the round is open) gives the person their one answer back."""
    email = (user.email or "").lower()
    if team_round.is_open:
        RoundTicket.objects.filter(round=team_round, email=email).update(spent=False)


@transaction.atomic
def close(team_round: TeamRound) -> None:
    """Freeze the team result and erase the individual answers (and the links to withdraw them).
    A closed round never opens again, so the result can never be compared with one more answer."""
    team_round = TeamRound.objects.select_for_update().get(pk=team_round.pk)
    if not team_round.is_open:
        return
    team_round.result = aggregates.summarise(team_round.answers.values_list("levels", flat=True))
    team_round.is_open = False
    team_round.closed_on = timezone.localdate()
    team_round.save(update_fields=["result", "is_open", "closed_on"])
    team_round.answers.all().delete()
    team_round.tickets.all().delete()


def latest_result(school):
    """The latest closed round with a team result, and that result: (round, TeamResult) or (None, None)."""
    for team_round in school.rounds.filter(is_open=False).order_by("-closed_on", "-pk"):
        result = aggregates.round_result(team_round)
        if result and result.enough:
            return team_round, result
    return None, None


def smart_context(school) -> dict:
    """What the SMART check needs to know about the school: its members and the team medians."""
    _round, result = latest_result(school)
    return {
        "members": [m.user.email for m in school.memberships.select_related("user")],
        "medians": {row.code: row.median for row in result.rows()} if result else None,
    }
