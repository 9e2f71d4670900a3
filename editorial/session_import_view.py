"""Sessies importeren in the admin: upload a CSV or JSON of sessions, see per line what would happen
(or what is wrong), confirm, and get it all applied in one go. The same code as `import_sessions`."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from wagtail.admin.auth import permission_required

from inventory.session_import import COLUMNS, SessionImportError, apply_import, plan_import, read_rows
from portal.fiche import CURATE_FICHES

SESSION_KEY = "editorial-session-import"


class SessionUploadForm(forms.Form):
    file = forms.FileField(label="Bestand met sessies (.csv of .json)")


@permission_required(CURATE_FICHES)
def import_sessions_view(request):
    if request.method != "POST":
        return _upload_page(request, SessionUploadForm())
    if "confirm" in request.POST:
        return _apply(request)
    form = SessionUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _upload_page(request, form)
    upload = form.cleaned_data["file"]
    try:
        content = upload.read()
        plan = plan_import(read_rows(content, upload.name))
    except SessionImportError as exc:
        messages.error(request, f"{exc} Er is niets ingelezen.")
        return _upload_page(request, SessionUploadForm())
    if plan.ok:
        request.session[SESSION_KEY] = {"name": upload.name, "content": content.decode("utf-8-sig")}
    return render(request, "editorial/import_sessions_preview.html", {"plan": plan, "file_name": upload.name})


def _upload_page(request, form):
    return render(request, "editorial/import_sessions.html", {"form": form, "columns": COLUMNS})


def _apply(request):
    stored = request.session.pop(SESSION_KEY, None)
    if not stored:
        messages.error(request, "Laad het bestand opnieuw op: de vorige upload is niet meer beschikbaar.")
        return redirect("editorial:import_sessions")
    try:
        plan = plan_import(read_rows(stored["content"].encode("utf-8"), stored["name"]))
        report = apply_import(plan, user=request.user)
    except SessionImportError as exc:  # the inventory changed between preview and confirmation
        messages.error(request, f"{exc} Bekijk het bestand opnieuw.")
        return redirect("editorial:import_sessions")
    messages.success(
        request,
        f"{report.created} nieuwe en {report.updated} gewijzigde sessies ingelezen ({report.unchanged} ongewijzigd); "
        f"{len(report.published)} actie(s) gepubliceerd, {len(report.drafts)} als concept ter controle.",
    )
    return redirect("editorial:import_sessions")
