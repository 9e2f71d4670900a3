"""Importing a plan document (JSON) in the browser: the same importer as manage.py import_plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from .access import EDITORS, school_for
from .importing import MAX_BYTES, PlanImportError, import_plan
from .report import yearly_report


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request, pk):
    school = school_for(request.user, pk, EDITORS)
    errors = []
    if request.method == "POST":
        upload = request.FILES.get("bestand")
        if upload is None:
            errors = ["Kies een JSON-bestand met een plan."]
        else:
            try:
                plan = import_plan(school, upload.read(MAX_BYTES + 1))
            except PlanImportError as exc:
                errors = exc.errors
            else:
                totals = yearly_report(plan)["totals"]
                hours = f"{totals['hours']:g}".replace(".", ",")
                messages.success(
                    request,
                    f"Het plan {plan.school_year} is geïmporteerd: {plan.goals.count()} doelen, "
                    f"{totals['activities']} activiteiten, {totals['participants']} deelnemers, {hours} uur.",
                )
                return redirect("schools:plan", pk=plan.pk)
    return TemplateResponse(
        request,
        "schools/import_plan.html",
        {"school": school, "errors": errors, "max_mb": MAX_BYTES // (1024 * 1024)},
        status=400 if errors else 200,
    )
