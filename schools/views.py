from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from portal.hygiene import parse_id
from selfassessment.framework import COMPETENCES, LEVELS, next_level
from selfassessment.radar import Series, radar_svg
from selfassessment.recommendations import recommend_for

from . import aggregates, joining, rounds
from .access import EDITORS, MANAGERS, plan_for, round_for, school_for
from .confirm import confirm_then_delete
from .forms import OFFER_BOXES, AnswerForm, GoalForm, InvitationForm, PlanForm, SchoolForm, VisionForm
from .models import BEHEERDER, OPEN_STATUSES, ROLE_CHOICES, Goal, Invitation, Membership, School, TeamRound
from .next_year import next_school_year, start_next_year
from .offer_search import search_offers
from .offers import offer_groups, offer_titles
from .smart import school_year_bounds, smart_hints, smart_problems


@login_required
@require_http_methods(["GET", "POST"])
def home(request):
    joined = request.session.pop(joining.SESSION_KEY, None)
    if joined:
        schools = list(School.objects.for_member(request.user).filter(pk__in=joined))
        if schools:
            names = ", ".join(s.name for s in schools)
            messages.success(request, f"Welkom! Je bent nu lid van {names}.")
            return redirect("schools:school", pk=schools[0].pk)
    form = SchoolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            school = form.save()
            Membership.objects.create(school=school, user=request.user, role=BEHEERDER)
        messages.success(request, f"De school ‘{school.name}’ is aangemaakt. Jij bent er beheerder van.")
        return redirect("schools:school", pk=school.pk)
    schools = School.objects.for_member(request.user).prefetch_related("plans")
    roles = dict(Membership.objects.filter(user=request.user).values_list("school_id", "role"))
    rows = [{"school": s, "role": roles.get(s.pk), "plans": list(s.plans.all())} for s in schools]
    return TemplateResponse(request, "schools/home.html", {"rows": rows, "form": form})


@login_required
def school(request, pk):
    school = school_for(request.user, pk)
    role = school.role_of(request.user)
    return TemplateResponse(
        request,
        "schools/school.html",
        {
            "school": school,
            "role": role,
            "can_edit": role in EDITORS,
            "can_manage": role in MANAGERS,
            "members": school.memberships.select_related("user"),
            "invitations": school.invitations.filter(accepted_at__isnull=True),
            "rounds": school.rounds.all(),
            "plans": school.plans.all(),
            "invite_form": InvitationForm(),
            "plan_form": PlanForm(),
            "roles": ROLE_CHOICES,
        },
    )


@login_required
@require_POST
def invite(request, pk):
    school = school_for(request.user, pk, MANAGERS)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Geef een geldig e-mailadres en een rol (bewerker of lezer).")
        return redirect("schools:school", pk=school.pk)
    invitation = form.save(commit=False)
    invitation.school = school
    email = invitation.email.lower()
    if school.memberships.filter(user__email__iexact=email).exists():
        messages.error(request, f"{invitation.email} is al lid van {school.name}. Er is niets verstuurd.")
        return redirect("schools:school", pk=school.pk)
    if school.invitations.filter(email__iexact=email, accepted_at__isnull=True).exists():
        # Also a retry or a double click: no second invitation or mail, and the user hears why.
        messages.error(
            request,
            f"{invitation.email} is al uitgenodigd; die uitnodiging is verstuurd. "
            "Trek ze in om een nieuwe te sturen.",
        )
        return redirect("schools:school", pk=school.pk)
    with transaction.atomic():  # the mail is queued in the outbox: saved with the invitation, or neither
        invitation.save()
        link = request.build_absolute_uri(reverse("schools:accept", args=[invitation.token]))
        send_mail(
            f"Uitnodiging voor {school.name} op Leerkr@cht.net",
            f"Je bent uitgenodigd als {invitation.get_role_display().lower()} van {school.name}.\n"
            f"Open deze link; je maakt er een account aan (of meldt je aan) met dit e-mailadres:\n{link}\n",
            None,
            [invitation.email],
        )
    messages.success(request, f"Er is een uitnodiging verstuurd naar {invitation.email}.")
    return redirect("schools:school", pk=school.pk)


@require_http_methods(["GET", "POST"])
def accept(request, token):
    if not request.user.is_authenticated:
        # The invited colleague, logged out: to the sign-up page, which names the school
        # (joining.pending_invitation); after sign-up or login they land in it (joining.on_login).
        invitation = joining.open_invitation(token)
        if invitation is None:
            return redirect_to_login(request.get_full_path())
        joining.remember(request, invitation)
        return redirect(f"{reverse('account_signup')}?{urlencode({'email': invitation.email})}")
    invitation = get_object_or_404(Invitation, token=token)
    if invitation.school.memberships.filter(user=request.user).exists():
        messages.success(request, f"Je bent lid van {invitation.school.name}.")
        return redirect("schools:school", pk=invitation.school.pk)
    if invitation.accepted_at is not None:
        raise Http404("Deze uitnodiging is al gebruikt.")
    if invitation.email.lower() != (request.user.email or "").lower():
        raise Http404("Deze uitnodiging is voor een ander e-mailadres.")
    if request.method == "POST":
        with transaction.atomic():
            Membership.objects.get_or_create(
                school=invitation.school, user=request.user, defaults={"role": invitation.role}
            )
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
        messages.success(request, f"Je bent nu lid van {invitation.school.name}.")
        return redirect("schools:school", pk=invitation.school.pk)
    return TemplateResponse(request, "schools/accept.html", {"invitation": invitation})


def _last_beheerder(school, membership) -> bool:
    return membership.role == BEHEERDER and school.memberships.filter(role=BEHEERDER).count() == 1


@login_required
@require_http_methods(["GET", "POST"])
def remove_member(request, pk, member_pk):
    school = school_for(request.user, pk, MANAGERS)
    membership = get_object_or_404(school.memberships.select_related("user"), pk=member_pk)
    if _last_beheerder(school, membership):
        messages.error(
            request,
            "De laatste beheerder kan niet weg: maak eerst iemand anders beheerder. Er is niets gewijzigd.",
        )
        return redirect("schools:school", pk=school.pk)
    return confirm_then_delete(
        request,
        delete=membership.delete,
        done=f"{membership.user.email} is geen lid meer van {school.name}.",
        title="Lid verwijderen",
        question=f"Wil je {membership.user.email} uit {school.name} verwijderen?",
        consequences=["Die persoon ziet de plannen, rondes en verslagen van de school niet meer."],
        back=reverse("schools:school", args=[school.pk]),
        school=school,
    )


@login_required
@require_POST
def change_role(request, pk, member_pk):
    school = school_for(request.user, pk, MANAGERS)
    membership = get_object_or_404(school.memberships.select_related("user"), pk=member_pk)
    role = request.POST.get("rol", "")
    if role not in dict(ROLE_CHOICES):
        messages.error(request, "Kies beheerder, bewerker of lezer. Er is niets gewijzigd.")
    elif role != BEHEERDER and _last_beheerder(school, membership):
        messages.error(
            request,
            "Een school heeft altijd minstens één beheerder: maak eerst iemand anders beheerder. "
            "Er is niets gewijzigd.",
        )
    else:
        membership.role = role
        membership.save(update_fields=["role"])
        messages.success(request, f"{membership.user.email} is nu {membership.get_role_display().lower()}.")
    return redirect("schools:school", pk=school.pk)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw_invitation(request, pk, invitation_pk):
    school = school_for(request.user, pk, MANAGERS)
    invitation = get_object_or_404(school.invitations, pk=invitation_pk, accepted_at__isnull=True)
    return confirm_then_delete(
        request,
        delete=invitation.delete,
        done=f"De uitnodiging voor {invitation.email} is ingetrokken.",
        title="Uitnodiging intrekken",
        question=f"Wil je de uitnodiging voor {invitation.email} intrekken?",
        consequences=["De link in de e-mail werkt dan niet meer."],
        back=reverse("schools:school", args=[school.pk]),
        school=school,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete_school(request, pk):
    school = school_for(request.user, pk, MANAGERS)
    if request.method == "POST":
        if request.POST.get("confirm", "").strip() != school.name:
            messages.error(
                request, "Typ de naam van de school exact over om te bevestigen. Er is niets gewist."
            )
            return redirect("schools:delete", pk=school.pk)
        name = school.name
        school.delete()  # cascades: members, invitations, rounds, answers, plans, goals, activities
        messages.success(request, f"De werkruimte ‘{name}’ en alles erin is gewist.")
        return redirect("schools:home")
    return TemplateResponse(request, "schools/delete.html", {"school": school})


# Team rounds


def _send_links(request, team_round) -> int:
    tokens = rounds.issue_tickets(team_round)
    for email, token in tokens.items():
        link = request.build_absolute_uri(reverse("schools:answer", args=[token]))
        send_mail(
            f"Teamzelfevaluatie ‘{team_round.title}’ van {team_round.school.name}",
            "Je school vraagt het team naar zijn digitale competenties. Dit is jouw persoonlijke link;\n"
            "hij werkt één keer en je antwoord is anoniem (de school ziet alleen het geheel van het team,\n"
            f"en pas als de ronde gesloten is):\n{link}\n",
            None,
            [email],
        )
    return len(tokens)


@login_required
@require_POST
def open_round(request, pk):
    school = school_for(request.user, pk, EDITORS)
    title = request.POST.get("title", "").strip()[:200]
    if not title:
        messages.error(request, "Geef de ronde een titel, bv. ‘Najaar 2026’.")
        return redirect("schools:school", pk=school.pk)
    team_round = TeamRound.objects.create(school=school, title=title)
    sent = _send_links(request, team_round)
    messages.success(request, f"De ronde is open. Er zijn {sent} persoonlijke links verstuurd.")
    return redirect("schools:round", pk=team_round.pk)


@login_required
@require_POST
def send_links(request, pk):
    team_round = round_for(request.user, pk, EDITORS)
    if not team_round.is_open:
        messages.error(request, "Deze ronde is gesloten. Er is niets verstuurd.")
    else:
        sent = _send_links(request, team_round)
        if sent:
            messages.success(request, f"Er zijn {sent} nieuwe persoonlijke links verstuurd.")
        else:
            messages.info(request, "Iedereen heeft al een persoonlijke link. Er is niets verstuurd.")
    return redirect("schools:round", pk=team_round.pk)


@login_required
def round_detail(request, pk):
    team_round = round_for(request.user, pk)
    result = aggregates.round_result(team_round)
    closed_others = team_round.school.rounds.filter(is_open=False).exclude(pk=team_round.pk)
    compare = None
    other_pk = parse_id(request.GET.get("vergelijk", ""))
    if result and other_pk:
        other = closed_others.filter(pk=other_pk).first()
        if other:
            before = aggregates.round_result(other)
            compare = {"other": other, "enough": before.enough, "moves": aggregates.movement(before, result)}
    rows, chart, extremes, priorities, plan = [], None, None, [], None
    if result and result.enough:
        moves = compare["moves"] if compare else {}
        rows = [{"row": row, "move": moves.get(row.code)} for row in result.rows()]
        areas = result.area_rows()
        chart = radar_svg(
            [(row.code, row.name) for row in areas],
            [Series("Mediaan van het team", "radar-now", {row.code: row.median for row in areas})],
            f"Mediaan van het team per domein in ‘{team_round.title}’",
            chart_id="team-radar",
        )
        extremes = result.extremes()
        priorities = result.priorities()
        plan = team_round.school.plans.filter(school_year=school_year_of(team_round.closed_on)).first()
    return TemplateResponse(
        request,
        "schools/round.html",
        {
            "round": team_round,
            "school": team_round.school,
            "can_edit": team_round.school.role_of(request.user) in EDITORS,
            "result": result,
            "rows": rows,
            "area_rows": result.area_rows() if result else [],
            "answered": team_round.answers.count() if team_round.is_open else None,
            "links_sent": team_round.tickets.count() if team_round.is_open else None,
            "min_answers": aggregates.MIN_ANSWERS,
            "others": closed_others if result and result.enough else [],
            "chart": chart,
            "extremes": extremes,
            "priorities": priorities,
            "plan": plan,
            "compare": compare,
            "bucket_labels": list(aggregates.BUCKET_LABELS.values()),
        },
    )


@login_required
@require_POST
def close_round(request, pk):
    team_round = round_for(request.user, pk, EDITORS)
    if not team_round.is_open:
        messages.error(request, "Deze ronde was al gesloten.")
    else:
        rounds.close(team_round)
        messages.success(
            request,
            "De ronde is gesloten: de links aanvaarden geen antwoorden meer en de afzonderlijke "
            "antwoorden zijn gewist. Alleen het teamresultaat blijft.",
        )
    return redirect("schools:round", pk=team_round.pk)


@require_http_methods(["GET", "POST"])
def answer(request, token):
    """The answer page behind a personal one-time link: no account needed, nothing about the
    teacher kept, and the link works once."""
    team_round = rounds.ticket_round(token)
    if team_round is None or not team_round.is_open:
        return TemplateResponse(
            request,
            "schools/answer_closed.html",
            {"round": team_round, "message": rounds.NO_TICKET},
            status=410,
        )
    form = AnswerForm(request.POST or None)
    message = None
    if request.method == "POST" and form.is_valid():
        try:
            rounds.answer_with_link(token, form.cleaned_data["code"])
        except rounds.Refused as exc:
            message = str(exc)
        else:
            return TemplateResponse(request, "schools/answer_thanks.html", {"round": team_round})
    elif request.method == "POST":
        message = "Plak je resultaatcode in het veld."
    return TemplateResponse(
        request,
        "schools/answer.html",
        {"round": team_round, "form": form, "message": message, "token": token},
        status=400 if message else 200,
    )


# Plans


@login_required
@require_POST
def new_plan(request, pk):
    school = school_for(request.user, pk, EDITORS)
    form = PlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("school_year", ["Ongeldig schooljaar."])))
        return redirect("schools:school", pk=school.pk)
    plan = form.save(commit=False)
    plan.school = school
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        messages.error(request, f"Er is al een plan voor {plan.school_year}.")
        return redirect("schools:school", pk=school.pk)
    return redirect("schools:plan", pk=plan.pk)


VISION_PROMPTS = [
    "Waarom zetten jullie ICT in? Welk leren van leerlingen wil het team ermee versterken?",
    "Hoe ziet goed digitaal onderwijs er over drie jaar uit in jullie klassen?",
    "Welke professionalisering heeft het team daarvoor nodig, en hoe leren collega's van elkaar?",
    "Hoe volgen jullie op wat het team leerde en wat het oplevert?",
]


def school_year_of(day) -> str:
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


def _rounds_in_year(plan):
    bounds = school_year_bounds(plan.school_year)
    if not bounds:
        return plan.school.rounds.none()
    return plan.school.rounds.filter(created_at__date__range=bounds)


def _latest_profile(school):
    return rounds.latest_result(school)


@login_required
@require_http_methods(["GET", "POST"])
def plan(request, pk):
    plan = plan_for(request.user, pk)
    can_edit = plan.school.role_of(request.user) in EDITORS
    vision_form = VisionForm(instance=plan)
    if request.method == "POST":
        if not can_edit:
            raise Http404
        vision_form = VisionForm(request.POST, instance=plan)
        if vision_form.is_valid():
            vision_form.save()
            messages.success(request, "De visie is bewaard.")
            return redirect("schools:plan", pk=plan.pk)
    goals = list(plan.goals.all())
    titles = offer_titles({i for goal in goals for i in goal.offers})
    smart = rounds.smart_context(plan.school)
    goal_rows = [
        {
            "goal": goal,
            "problems": smart_problems(goal, plan.school_year, **smart),
            "offers": [(i, *titles[i]) for i in goal.offers if i in titles],
        }
        for goal in goals
    ]
    latest_round, profile = _latest_profile(plan.school)
    return TemplateResponse(
        request,
        "schools/plan.html",
        {
            "plan": plan,
            "school": plan.school,
            "can_edit": can_edit,
            "can_manage": plan.school.role_of(request.user) in MANAGERS,
            "vision_form": vision_form,
            "prompts": VISION_PROMPTS,
            "goal_rows": goal_rows,
            "suggested": profile.priorities() if profile else [],
            "round_this_year": _rounds_in_year(plan).exists(),
            "latest_round": latest_round,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request, pk, goal_pk=None):
    """The goal form. Its "Zoeken" button sends the whole form back by GET (no JavaScript needed):
    the form comes back as typed, with the offers found as checkboxes next to the recommended ones."""
    plan = plan_for(request.user, pk, EDITORS)
    goal = get_object_or_404(plan.goals, pk=goal_pk) if goal_pk else Goal(plan=plan)
    query = request.GET.get("zoek", "") if request.method == "GET" else ""
    ticked = None
    if request.method == "POST":
        form = GoalForm(request.POST, instance=goal)
        if form.is_valid():
            saved = form.save()
            count = len(smart_hints(saved, plan.school_year, **rounds.smart_context(plan.school)))
            remarks = f" De SMART-check heeft {count} opmerking{'en' if count != 1 else ''}." if count else ""
            messages.success(request, f"Het doel is bewaard.{remarks}")
            return redirect("schools:plan", pk=plan.pk)
        ticked = _ticked(request.POST)
    elif "zoek" in request.GET:
        form = GoalForm(instance=goal, initial=_as_typed(request.GET))
        ticked = _ticked(request.GET)
    else:
        initial = {}
        if goal_pk is None and request.GET.get("competentie") in COMPETENCES:
            initial = _draft(plan, request.GET["competentie"])
        form = GoalForm(instance=goal, initial=initial)
    recommendations = _recommendations(_chosen_competences(form), plan)
    if ticked is None:  # first visit: the linked offers; recommended offers are suggested, never ticked
        ticked = set(goal.offers) if goal.pk else set()
    hints = smart_hints(goal, plan.school_year, **rounds.smart_context(plan.school)) if goal.pk else {}
    return TemplateResponse(
        request,
        "schools/goal_form.html",
        {
            "plan": plan,
            "school": plan.school,
            "form": form,
            "goal": goal,
            "query": query,
            "offer_groups": offer_groups(recommendations, search_offers(query) if query else None, ticked),
            "offer_boxes": OFFER_BOXES,
            "fields": [(field, hints.get(field.name)) for field in form],
        },
        status=400 if form.errors else 200,
    )


def _draft(plan, code: str) -> dict:
    """A goal drafted from a team result: the competence, one level above the team median, an
    indicator measured in the next round and the end of the school year as deadline."""
    _round, result = rounds.latest_result(plan.school)
    median = result.median(code) if result else None
    target = LEVELS[next_level(median)] if median is not None else "B1"
    bounds = school_year_bounds(plan.school_year)
    name = aggregates.COMPETENCE_NAMES[code]
    return {
        "competences": [code],
        "title": f"Het team groeit in {name[0].lower()}{name[1:]}",
        "target_level": target,
        "indicator": f"aandeel leraren op {target} of hoger voor {code} {name} in de volgende teamronde",
        "deadline": bounds[1] if bounds else None,
    }


def _ticked(data) -> set[int]:
    return {pk for pk in map(parse_id, data.getlist(OFFER_BOXES)) if pk}


def _as_typed(data) -> dict:
    typed = {name: data[name] for name in GoalForm.base_fields if name in data}
    typed["competences"] = [code for code in data.getlist("competences") if code in COMPETENCES]
    return typed


def _chosen_competences(form) -> list[str]:
    chosen = form.data.getlist("competences") if form.is_bound else form.initial.get("competences") or []
    return [code for code in chosen if code in COMPETENCES]


def _recommendations(competences, plan):
    _round, profile = _latest_profile(plan.school)
    result = []
    for code in competences[:3]:
        level = 0
        if profile and profile.median(code) is not None:
            level = profile.median(code)
        result.append(recommend_for(code, level))
    return result


@login_required
@require_http_methods(["GET", "POST"])
def goal_delete(request, pk, goal_pk):
    plan = plan_for(request.user, pk, EDITORS)
    goal = get_object_or_404(plan.goals, pk=goal_pk)
    return confirm_then_delete(
        request,
        delete=goal.delete,
        done=f"Het doel ‘{goal.title}’ is verwijderd.",
        title="Doel verwijderen",
        question=f"Wil je het doel ‘{goal.title}’ uit het plan {plan.school_year} verwijderen?",
        consequences=["De activiteiten blijven in het plan, maar zijn niet meer aan dit doel gekoppeld."],
        back=reverse("schools:plan", args=[plan.pk]),
        school=plan.school,
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_delete(request, pk):
    plan = plan_for(request.user, pk, MANAGERS)
    return confirm_then_delete(
        request,
        delete=plan.delete,
        done=f"Het plan {plan.school_year} is verwijderd.",
        title="Plan verwijderen",
        question=f"Wil je het plan {plan.school_year} van {plan.school.name} verwijderen?",
        consequences=[
            f"De visie, {plan.goals.count()} doelen en {plan.activities.count()} activiteiten gaan mee.",
            "Tip: download eerst het plan als JSON; zo kan je het later opnieuw importeren.",
        ],
        back=reverse("schools:plan", args=[plan.pk]),
        school=plan.school,
        then=reverse("schools:school", args=[plan.school_id]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def next_year(request, pk):
    plan = plan_for(request.user, pk, EDITORS)
    year = next_school_year(plan.school_year)
    existing = plan.school.plans.filter(school_year=year).first()
    if existing:
        messages.error(request, f"Er is al een plan voor {year}.")
        return redirect("schools:plan", pk=existing.pk)
    goals = list(plan.goals.all())
    if request.method == "GET":
        return TemplateResponse(
            request,
            "schools/next_year.html",
            {"plan": plan, "school": plan.school, "year": year, "goals": goals, "open": OPEN_STATUSES},
        )
    chosen = {int(v) for v in request.POST.getlist("doelen") if v.isdigit()} & {g.pk for g in goals}
    new_plan = start_next_year(plan, chosen)
    messages.success(
        request,
        f"Het plan {year} is gestart met de visie en {len(chosen)} doel{'en' if len(chosen) != 1 else ''}. "
        "Open een nieuwe teamronde om te meten waar het team nu staat.",
    )
    return redirect("schools:plan", pk=new_plan.pk)
