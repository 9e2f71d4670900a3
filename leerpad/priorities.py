"""The school's priorities: the beheerder pins offers per group, with an optional date; members see
them on their leerpad and the home page. Per pinned offer the school sees how many members logged it,
only from 5 on ("< 5" below), and never who did or did not."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from actors.models import ActionPage
from schools.access import MANAGERS, school_for
from schools.models import School
from schools.offer_search import search_offers

from .models import GROUP_CHOICES, LoggedTraining, SchoolPick

MIN_COUNT = 5


def shown_count(count: int) -> str:
    return str(count) if count >= MIN_COUNT else f"< {MIN_COUNT}"


def logged_counts(school, picks) -> dict[int, str]:
    """Members of the school who logged each pinned offer, as shown to the school."""
    counts = {}
    for pick in picks:
        count = (
            LoggedTraining.objects.filter(offer_id=pick.offer_id, user__school_memberships__school=school)
            .values("user")
            .distinct()
            .count()
        )
        counts[pick.pk] = shown_count(count)
    return counts


def picks_for_member(user):
    """The picks of every school the user is a member of (nothing for a teacher with no school)."""
    return (
        SchoolPick.objects.filter(school__in=School.objects.for_member(user), offer__live=True)
        .select_related("school", "offer")
        .order_by("due", "-created_at", "-pk")
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
