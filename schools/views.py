from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from portal.hygiene import parse_id
from selfassessment import codes
from selfassessment.framework import COMPETENCES, LEVELS

from . import aggregates
from .access import EDITORS, MANAGERS, plan_for, round_for, school_for
from .forms import OFFER_BOXES, AnswerForm, GoalForm, InvitationForm, PlanForm, SchoolForm, VisionForm
from .models import BEHEERDER, Goal, Invitation, Membership, School, TeamAnswer, TeamRound
from .offer_search import search_offers
from .offers import offer_groups, offer_titles
from .smart import smart_problems

RETRY_WINDOW = timedelta(minutes=15)  # the same invitation sent again within it is not sent twice


@login_required
@require_http_methods(["GET", "POST"])
def home(request):
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
    email, role = form.cleaned_data["email"], form.cleaned_data["role"]
    recent = school.invitations.filter(
        email__iexact=email,
        role=role,
        accepted_at__isnull=True,
        created_at__gte=timezone.now() - RETRY_WINDOW,
    )
    if recent.exists():  # the same form sent again (a retry, a double click): no second invitation
        messages.success(request, f"Er is een uitnodiging verstuurd naar {email}.")
        return redirect("schools:school", pk=school.pk)
    with transaction.atomic():  # the mail is queued in the outbox: saved with the invitation, or neither
        invitation = form.save(commit=False)
        invitation.school = school
        invitation.save()
        link = request.build_absolute_uri(reverse("schools:accept", args=[invitation.token]))
        send_mail(
            f"Uitnodiging voor {school.name} op Leerkr@cht.net",
            f"Je bent uitgenodigd als {invitation.get_role_display().lower()} van {school.name}.\n"
            f"Maak een account aan of meld je aan met dit e-mailadres en open daarna:\n{link}\n",
            None,
            [invitation.email],
        )
    messages.success(request, f"Er is een uitnodiging verstuurd naar {invitation.email}.")
    return redirect("schools:school", pk=school.pk)


@login_required
@require_http_methods(["GET", "POST"])
def accept(request, token):
    invitation = get_object_or_404(Invitation, token=token, accepted_at__isnull=True)
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


@login_required
@require_POST
def remove_member(request, pk, member_pk):
    school = school_for(request.user, pk, MANAGERS)
    membership = get_object_or_404(school.memberships, pk=member_pk)
    if membership.role == BEHEERDER and school.memberships.filter(role=BEHEERDER).count() == 1:
        messages.error(request, "De laatste beheerder kan niet weg: duid eerst een andere beheerder aan.")
    else:
        membership.delete()
        messages.success(request, "Het lid is verwijderd.")
    return redirect("schools:school", pk=school.pk)


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


@login_required
@require_POST
def open_round(request, pk):
    school = school_for(request.user, pk, EDITORS)
    title = request.POST.get("title", "").strip()[:200]
    if not title:
        messages.error(request, "Geef de ronde een titel, bv. ‘Najaar 2026’.")
        return redirect("schools:school", pk=school.pk)
    team_round = TeamRound.objects.create(school=school, title=title)
    return redirect("schools:round", pk=team_round.pk)


@login_required
def round_detail(request, pk):
    team_round = round_for(request.user, pk)
    profile = aggregates.profile(team_round.answers.values_list("levels", flat=True))
    others = team_round.school.rounds.exclude(pk=team_round.pk)
    compare = None
    other = None
    other_pk = parse_id(request.GET.get("vergelijk", ""))
    if other_pk:
        other = others.filter(pk=other_pk).first()
        if other:
            before = aggregates.profile(other.answers.values_list("levels", flat=True))
            compare = {"other": other, "enough": before.enough, "moves": aggregates.movement(before, profile)}
    rows = []
    if profile.enough:
        for code in COMPETENCES:
            p = profile.competences[code]
            rows.append(
                {
                    "code": code,
                    "median": p.median_code,
                    "counts": list(zip(LEVELS, p.counts, strict=True)),
                    "move": compare["moves"].get(code) if compare else None,
                }
            )
    return TemplateResponse(
        request,
        "schools/round.html",
        {
            "round": team_round,
            "school": team_round.school,
            "can_edit": team_round.school.role_of(request.user) in EDITORS,
            "profile": profile,
            "rows": rows,
            "too_few": aggregates.TOO_FEW,
            "min_answers": aggregates.MIN_ANSWERS,
            "link": request.build_absolute_uri(reverse("schools:answer", args=[team_round.token])),
            "others": others,
            "compare": compare,
            "levels": LEVELS,
        },
    )


@login_required
@require_POST
def close_round(request, pk):
    team_round = round_for(request.user, pk, EDITORS)
    team_round.is_open = False
    team_round.save(update_fields=["is_open"])
    messages.success(request, "De ronde is gesloten: de link aanvaardt geen antwoorden meer.")
    return redirect("schools:round", pk=team_round.pk)


@require_http_methods(["GET", "POST"])
def answer(request, token):
    """The anonymous answer page behind the invite link: no account, nothing about the teacher kept."""
    team_round = get_object_or_404(TeamRound.objects.select_related("school"), token=token)
    form = AnswerForm(request.POST or None)
    message = None
    if not team_round.is_open:
        return TemplateResponse(request, "schools/answer_closed.html", {"round": team_round}, status=410)
    if request.method == "POST" and form.is_valid():
        try:
            result = codes.decode(form.cleaned_data["code"])
        except codes.InvalidCode as exc:
            message = str(exc)
        else:
            TeamAnswer.objects.create(round=team_round, levels=result.levels)
            return TemplateResponse(request, "schools/answer_thanks.html", {"round": team_round})
    elif request.method == "POST":
        message = "Plak je resultaatcode in het veld."
    return TemplateResponse(
        request,
        "schools/answer.html",
        {"round": team_round, "form": form, "message": message},
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


def _latest_profile(school):
    for team_round in school.rounds.all():
        profile = aggregates.profile(team_round.answers.values_list("levels", flat=True))
        if profile.enough:
            return team_round, profile
    return None, None


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
    goal_rows = [
        {
            "goal": goal,
            "problems": smart_problems(goal, plan.school_year),
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
            "vision_form": vision_form,
            "prompts": VISION_PROMPTS,
            "goal_rows": goal_rows,
            "suggested": profile.lowest() if profile else [],
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
            form.save()
            messages.success(request, "Het doel is bewaard.")
            return redirect("schools:plan", pk=plan.pk)
        ticked = _ticked(request.POST)
    elif "zoek" in request.GET:
        form = GoalForm(instance=goal, initial=_as_typed(request.GET))
        ticked = _ticked(request.GET)
    else:
        initial = {}
        if goal_pk is None and request.GET.get("competentie") in COMPETENCES:
            initial["competences"] = [request.GET["competentie"]]
        form = GoalForm(instance=goal, initial=initial)
    recommendations = _recommendations(_chosen_competences(form), plan)
    if ticked is None:  # first visit: the linked offers, or for a new goal the recommended ones
        ticked = set(goal.offers) if goal.pk else {o.id for rec in recommendations for o in rec.offers}
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
        },
        status=400 if form.errors else 200,
    )


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
    from selfassessment.recommendations import recommend_for

    _round, profile = _latest_profile(plan.school)
    result = []
    for code in competences[:3]:
        level = 0
        if profile and profile.competences[code].median is not None:
            level = profile.competences[code].median
        result.append(recommend_for(code, level))
    return result


@login_required
@require_POST
def goal_delete(request, pk, goal_pk):
    plan = plan_for(request.user, pk, EDITORS)
    get_object_or_404(plan.goals, pk=goal_pk).delete()
    messages.success(request, "Het doel is verwijderd.")
    return redirect("schools:plan", pk=plan.pk)


@login_required
@require_POST
def next_year(request, pk):
    from .next_year import next_school_year, start_next_year

    plan = plan_for(request.user, pk, EDITORS)
    year = next_school_year(plan.school_year)
    existing = plan.school.plans.filter(school_year=year).first()
    if existing:
        messages.error(request, f"Er is al een plan voor {year}.")
        return redirect("schools:plan", pk=existing.pk)
    new_plan = start_next_year(plan)
    messages.success(request, f"Het plan {year} is gestart met de visie en de doelen die nog open stonden.")
    return redirect("schools:plan", pk=new_plan.pk)
