"""The school's priorities: the beheerder pins offers per group, with an optional date, and puts
members in groups (starters, administratief personeel, a group of their own naming). A member sees the
picks for everyone and for their own groups first, on their leerpad and the home page (the home page
shows only those); picks for other groups come after on the leerpad, so the school's priorities stay
visible to the whole team. Per pinned offer the school sees how many members logged it,
only from 5 on ("< 5" below), and never who did or did not."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from actors.models import ActionPage
from schools.access import MANAGERS, school_for
from schools.models import School
from schools.offer_search import search_offers

from .models import GROUP_CHOICES, LoggedTraining, MemberGroup, SchoolPick

MIN_COUNT = 5


def shown_count(count: int) -> str:
    return str(count) if count >= MIN_COUNT else f"< {MIN_COUNT}"


def logged_counts(school, picks) -> dict[int, str]:
    """Members of the school who logged each pinned offer, as shown to the school."""
    members_per_offer = dict(
        LoggedTraining.objects.filter(
            offer_id__in={pick.offer_id for pick in picks}, user__school_memberships__school=school
        )
        .values("offer_id")
        .annotate(members=models.Count("user", distinct=True))
        .values_list("offer_id", "members")
    )  # one query for all picks
    return {pick.pk: shown_count(members_per_offer.get(pick.offer_id, 0)) for pick in picks}


def picks_for_member(user, only_mine: bool = False):
    """The picks of every school the user is a member of (nothing for a teacher with no school), each
    with ``for_me``: for everyone or for one of the user's groups in that school. Those come first;
    ``only_mine`` leaves out the picks for other groups."""
    in_my_group = MemberGroup.objects.filter(
        membership__user=user,
        membership__school=OuterRef("school"),
        group=OuterRef("group"),
        group_name=OuterRef("group_name"),
    )
    for_me = Q(group="iedereen") | Q(Exists(in_my_group))
    picks = SchoolPick.objects.filter(school__in=School.objects.for_member(user), offer__live=True)
    if only_mine:
        picks = picks.filter(for_me)
    return (
        picks.annotate(for_me=models.ExpressionWrapper(for_me, output_field=models.BooleanField()))
        .select_related("school", "offer")
        .order_by("-for_me", "due", "-created_at", "-pk")
    )


class PickForm(forms.Form):
    aanbod = forms.IntegerField(
        error_messages={"required": "Kies een aanbod.", "invalid": "Kies een aanbod."}
    )
    groep = forms.ChoiceField(label="Voor wie", choices=GROUP_CHOICES, initial="iedereen")
    groepsnaam = forms.CharField(
        label="Naam van de groep (bij ‘een andere groep’)", max_length=80, required=False
    )
    tegen = forms.DateField(
        label="Af te ronden tegen (niet verplicht)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Geef een geldige datum, bv. 2027-03-31."},
    )

    def clean_aanbod(self):
        offer = ActionPage.objects.live().public().filter(pk=self.cleaned_data["aanbod"]).first()
        if offer is None:
            raise forms.ValidationError("Dit aanbod bestaat niet (meer). Zoek opnieuw.")
        return offer

    def clean_tegen(self):
        value = self.cleaned_data.get("tegen")
        if value and value < timezone.localdate() - dt.timedelta(days=1):
            raise forms.ValidationError("Deze datum ligt in het verleden.")
        return value

    def clean(self):
        data = super().clean()
        if data.get("groep") == "ander" and not (data.get("groepsnaam") or "").strip():
            self.add_error("groepsnaam", "Geef de naam van de groep.")
        return data


@login_required
@require_http_methods(["GET", "POST"])
def manage(request, pk):
    school = school_for(request.user, pk, MANAGERS)
    form = PickForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        SchoolPick.objects.create(
            school=school,
            offer=data["aanbod"],
            group=data["groep"],
            group_name=data["groepsnaam"].strip() if data["groep"] == "ander" else "",
            due=data["tegen"],
        )
        messages.success(request, f"‘{data['aanbod'].title}’ staat bij de prioriteiten van {school.name}.")
        return redirect("leerpad:priorities", pk=school.pk)
    query = request.GET.get("zoek", "").strip()[:200]
    picks = list(SchoolPick.objects.filter(school=school).select_related("offer"))
    counts = logged_counts(school, picks)
    return TemplateResponse(
        request,
        "leerpad/priorities.html",
        {
            "school": school,
            "form": form,
            "query": query,
            "found": search_offers(query) if query else None,
            "rows": [{"pick": pick, "count": counts[pick.pk]} for pick in picks],
            "min_count": MIN_COUNT,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def remove(request, pk, pick_pk):
    school = school_for(request.user, pk, MANAGERS)
    pick = get_object_or_404(SchoolPick.objects.filter(school=school).select_related("offer"), pk=pick_pk)
    pick.delete()
    messages.success(request, f"‘{pick.offer.title}’ is geen prioriteit meer.")
    return redirect("leerpad:priorities", pk=school.pk)


def group_key(group: str, name: str = "") -> str:
    return f"ander:{name}" if group == "ander" else group


def group_options(school) -> list[tuple[str, str]]:
    """The groups a beheerder can put members in: starters, administratief personeel, and every
    group of their own naming used by a pick or already given to a member."""
    names = set(
        SchoolPick.objects.filter(school=school, group="ander")
        .exclude(group_name="")
        .values_list("group_name", flat=True)
    ) | set(
        MemberGroup.objects.filter(membership__school=school, group="ander").values_list(
            "group_name", flat=True
        )
    )
    fixed = [(key, label) for key, label in GROUP_CHOICES if key not in ("iedereen", "ander")]
    return fixed + [(group_key("ander", name), name) for name in sorted(names, key=str.lower)]


@login_required
@require_http_methods(["GET", "POST"])
def groups(request, pk):
    """The beheerder says who is a starter, administratief personeel or in a group of their own
    naming; one form per member (the school's members, as on its members page)."""
    school = school_for(request.user, pk, MANAGERS)
    memberships = list(school.memberships.select_related("user").order_by("user__email", "pk"))
    options = group_options(school)
    status = 200
    if request.method == "POST":
        raw = request.POST.get("lid", "")
        membership = next((m for m in memberships if raw.isdigit() and m.pk == int(raw)), None)
        new_name = request.POST.get("nieuwe_groep", "").strip()
        valid = {key for key, _label in options}
        chosen = [key for key in request.POST.getlist("groep") if key in valid]
        if membership is None:
            messages.error(request, "Dit lid bestaat niet (meer) in deze school. Er is niets gewijzigd.")
            status = 400
        elif len(new_name) > 80 or new_name.lower() in {"iedereen", "starters", "administratief personeel"}:
            messages.error(
                request,
                "Geef een andere naam voor de nieuwe groep (hoogstens 80 tekens). Er is niets gewijzigd.",
            )
            status = 400
        else:
            if new_name:
                chosen.append(group_key("ander", new_name))
            with transaction.atomic():
                MemberGroup.objects.filter(membership=membership).delete()
                MemberGroup.objects.bulk_create(
                    MemberGroup(
                        membership=membership,
                        group="ander" if key.startswith("ander:") else key,
                        group_name=key.removeprefix("ander:") if key.startswith("ander:") else "",
                    )
                    for key in dict.fromkeys(chosen)
                )
            who = membership.user.get_full_name() or membership.user.email
            messages.success(request, f"De groepen van {who} zijn bewaard.")
            return redirect("leerpad:groups", pk=school.pk)
    current: dict[int, set[str]] = {}
    for entry in MemberGroup.objects.filter(membership__in=memberships):
        current.setdefault(entry.membership_id, set()).add(group_key(entry.group, entry.group_name))
    rows = [
        {"membership": m, "who": m.user.get_full_name() or m.user.email, "groups": current.get(m.pk, set())}
        for m in memberships
    ]
    return TemplateResponse(
        request,
        "leerpad/groups.html",
        {"school": school, "rows": rows, "options": options},
        status=status,
    )
