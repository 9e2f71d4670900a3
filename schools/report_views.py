"""The yearly report and its downloads (HTML, PDF, CSV, JSON) and the activities it counts."""

import base64
import binascii
import csv

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.hygiene import bound_integers

from .access import EDITORS, MANAGERS, plan_for
from .activity_csv import MAX_BYTES, parse_activities, parse_date, save_activities
from .confirm import confirm_then_delete
from .models import Activity
from .offers import known_offer_ids
from .report import csv_rows, yearly_report
from .smart import school_year_bounds


def _filename(plan, extension: str) -> str:
    return f"jaarverslag-{slugify(plan.school.name)}-{plan.school_year}.{extension}"


@login_required
@require_GET
def report_page(request, pk):
    plan = plan_for(request.user, pk)
    return TemplateResponse(
        request,
        "schools/report.html",
        {
            "plan": plan,
            "school": plan.school,
            "report": yearly_report(plan),
            "can_manage": plan.school.role_of(request.user) in MANAGERS,
        },
    )


@login_required
@require_POST
def approve(request, pk):
    plan = plan_for(request.user, pk, MANAGERS)
    approved_by = request.POST.get("approved_by", "").strip()[:200]
    raw_date = request.POST.get("approved_on", "").strip()
    approved_on = parse_date(raw_date) if raw_date else None
    if raw_date and approved_on is None:
        messages.error(request, f"‘{raw_date[:20]}’ is geen datum (dd/mm/jjjj). Er is niets bewaard.")
    elif approved_on and approved_on > timezone.localdate():
        messages.error(request, "De datum van goedkeuring ligt in de toekomst. Er is niets bewaard.")
    elif approved_on and not approved_by:
        messages.error(request, "Vul in wie het verslag goedkeurde. Er is niets bewaard.")
    else:
        plan.approved_by, plan.approved_on = approved_by, approved_on
        plan.save(update_fields=["approved_by", "approved_on"])
        messages.success(
            request, "De goedkeuring is bewaard." if approved_by else "De goedkeuring is gewist."
        )
    return redirect("schools:report", pk=plan.pk)


@login_required
@require_GET
def report_pdf(request, pk):
    from selfassessment.pdf import render_pdf

    plan = plan_for(request.user, pk)
    pdf = render_pdf(
        request, "schools/report_pdf.html", {"plan": plan, "report": yearly_report(plan)}, variant="pdf/ua-1"
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(plan, "pdf")}"'
    return response


@login_required
@require_GET
def report_csv(request, pk):
    plan = plan_for(request.user, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(plan, "csv")}"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    csv.writer(response, delimiter=";").writerows(csv_rows(yearly_report(plan)))  # decimal comma: nl-BE
    return response


@login_required
@require_GET
def export_json(request, pk):
    plan = plan_for(request.user, pk)
    response = JsonResponse(yearly_report(plan), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{_filename(plan, "json")}"'
    return response


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["date", "title", "goals", "fiche", "participants", "hours", "cost", "from_digiplan"]
        widgets = {
            "date": forms.DateInput(attrs={"placeholder": "jjjj-mm-dd"}, format="%Y-%m-%d"),
            "goals": forms.CheckboxSelectMultiple,
        }
        error_messages = {"date": {"invalid": "Geef een geldige datum (jjjj-mm-dd)."}}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["goals"].queryset = plan.goals.all()
        self.fields["goals"].label = "Bij de doelen"
        bound_integers(self)

    def clean_fiche(self):
        fiche = self.cleaned_data["fiche"]
        if fiche is not None and fiche not in known_offer_ids([fiche]):
            raise forms.ValidationError(f"Onbekende fiche: {fiche}.")
        return fiche

    def clean_date(self):
        date = self.cleaned_data["date"]
        bounds = school_year_bounds(self.plan.school_year)
        if date and bounds and not (bounds[0] <= date <= bounds[1]):
            raise forms.ValidationError(
                f"Deze datum valt buiten het schooljaar {self.plan.school_year} "
                f"({bounds[0]:%d/%m/%Y} tot {bounds[1]:%d/%m/%Y})."
            )
        return date

    def clean_participants(self):
        participants = self.cleaned_data["participants"]
        if participants is not None and participants < 1:
            raise forms.ValidationError("Er is minstens één deelnemer.")
        return participants

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours is not None and hours < 0:
            raise forms.ValidationError("Het aantal uren kan niet negatief zijn.")
        return hours


@login_required
def activities(request, pk):
    plan = plan_for(request.user, pk)
    can_edit = plan.school.role_of(request.user) in EDITORS
    form = ActivityForm(plan=plan)
    status = 200
    if request.method == "POST":
        if not can_edit:
            from django.http import Http404

            raise Http404
        form = ActivityForm(request.POST, plan=plan)
        if form.is_valid():
            activity = form.save(commit=False)
            activity.plan = plan
            activity.save()
            form.save_m2m()
            messages.success(request, f"De activiteit ‘{activity.title}’ is toegevoegd.")
            return redirect("schools:activities", pk=plan.pk)
        status = 400
    return TemplateResponse(
        request,
        "schools/activities.html",
        {
            "plan": plan,
            "school": plan.school,
            "form": form,
            "can_edit": can_edit,
            "activities": plan.activities.prefetch_related("goals"),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_delete(request, pk, activity_pk):
    plan = plan_for(request.user, pk, EDITORS)
    activity = get_object_or_404(plan.activities, pk=activity_pk)  # another plan's activity: 404, no message
    return confirm_then_delete(
        request,
        delete=activity.delete,
        done=f"De activiteit ‘{activity.title}’ is verwijderd.",
        title="Activiteit verwijderen",
        question=f"Wil je de activiteit ‘{activity.title}’ van {activity.date:%d/%m/%Y} verwijderen?",
        consequences=["Ze telt dan niet meer mee in het jaarverslag."],
        back=reverse("schools:activities", args=[plan.pk]),
        school=plan.school,
    )


@login_required
@require_POST
def activities_csv(request, pk):
    """Step 1, an upload: every line is shown with its errors, nothing saved. Step 2, the confirm
    button of that preview: the same content, checked again, is saved all at once."""
    plan = plan_for(request.user, pk, EDITORS)
    confirming = "inhoud" in request.POST
    if confirming:
        try:
            raw = base64.b64decode(request.POST["inhoud"], validate=True)
        except (binascii.Error, ValueError):
            raw = None
    else:
        upload = request.FILES.get("bestand")
        raw = upload.read(MAX_BYTES + 1) if upload is not None else None
    if raw is None:
        rows, errors = (
            [],
            [
                "Kies een CSV-bestand."
                if not confirming
                else "Het voorbeeld is beschadigd: lees het bestand opnieuw in."
            ],
        )
    else:
        rows, errors = parse_activities(plan, raw)
    if confirming and not errors:
        count = save_activities(plan, rows)
        noun = "activiteit" if count == 1 else "activiteiten"
        messages.success(request, f"{count} {noun} toegevoegd uit het CSV-bestand.")
        return redirect("schools:activities", pk=plan.pk)
    return TemplateResponse(
        request,
        "schools/activities_preview.html",
        {
            "plan": plan,
            "school": plan.school,
            "rows": rows,
            "csv_errors": errors,
            "content": base64.b64encode(raw).decode() if raw is not None and not errors else "",
        },
        status=400 if errors else 200,
    )
