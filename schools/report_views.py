"""The yearly report and its downloads (HTML, PDF, CSV, JSON) and the activities it counts."""

import base64
import binascii
import csv

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from portal.hygiene import bound_integers

from .access import EDITORS, plan_for
from .models import Activity
from .offers import known_offer_ids
from .report import csv_rows, yearly_report


def _filename(plan, extension: str) -> str:
    return f"jaarverslag-{slugify(plan.school.name)}-{plan.school_year}.{extension}"


@login_required
@require_GET
def report_page(request, pk):
    plan = plan_for(request.user, pk)
    return TemplateResponse(
        request, "schools/report.html", {"plan": plan, "school": plan.school, "report": yearly_report(plan)}
    )


@login_required
@require_GET
def report_pdf(request, pk):
    from selfassessment.pdf import render_pdf

    plan = plan_for(request.user, pk)
    pdf = render_pdf(request, "schools/report_pdf.html", {"plan": plan, "report": yearly_report(plan)})
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
    csv.writer(response, delimiter=";").writerows(csv_rows(yearly_report(plan)))
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
        fields = ["date", "title", "goals", "fiche", "participants", "hours"]
        widgets = {
            "date": forms.DateInput(attrs={"placeholder": "jjjj-mm-dd"}, format="%Y-%m-%d"),
            "goals": forms.CheckboxSelectMultiple,
        }
        error_messages = {"date": {"invalid": "Geef een geldige datum (jjjj-mm-dd)."}}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = plan.goals.all()
        self.fields["goals"].label = "Bij de doelen"
        bound_integers(self)

    def clean_fiche(self):
        fiche = self.cleaned_data["fiche"]
        if fiche is not None and fiche not in known_offer_ids([fiche]):
            raise forms.ValidationError(f"Onbekende fiche: {fiche}.")
        return fiche

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
@require_POST
def activity_delete(request, pk, activity_pk):
    plan = plan_for(request.user, pk, EDITORS)
    plan.activities.filter(pk=activity_pk).delete()
    messages.success(request, "De activiteit is verwijderd.")
    return redirect("schools:activities", pk=plan.pk)


@login_required
@require_POST
def activities_csv(request, pk):
    """Step 1, an upload: every line is shown with its errors, nothing saved. Step 2, the confirm
    button of that preview: the same content, checked again, is saved all at once."""
    from .activity_csv import MAX_BYTES, parse_activities, save_activities

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
