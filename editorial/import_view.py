"""Importeren in the admin: upload fiches in the report's layout, preview what was found, choose,
and get drafts for review (never published). The same parser and draft maker as `import_fiches`."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from wagtail.admin.auth import permission_required

from actors.models import ActionPage, ActorPage
from inventory.drafts import KINDS, create_drafts, organisers_named_in
from inventory.fiche_parser import (
    MAX_FILE_SIZE,
    FicheImportError,
    parse_fiches,
    parse_report,
    text_from_bytes,
)
from portal.fiche import CURATE_FICHES

SESSION_KEY = "editorial-import-text"


class UploadForm(forms.Form):
    file = forms.FileField(label="Bestand met fiches (.txt of .pdf)")


def _preview_rows(fiches):
    actors = {actor.title.lower(): actor for actor in ActorPage.objects.all()}
    rows = []
    for fiche in fiches:
        model = KINDS[fiche.kind][0]
        warnings = []
        if model.objects.filter(source_reference=fiche.number).exists():
            warnings.append("bestaat al in de inventaris (wordt overgeslagen)")
        if model is ActionPage and not organisers_named_in(fiche.fields.get("organisatie", ""), actors):
            warnings.append("organisator niet gevonden in de inventaris")
        # The parser's notes (unrecognised headings) inform; they do not untick the fiche.
        rows.append(
            {"fiche": fiche, "headings": list(fiche.fields), "warnings": warnings, "notes": fiche.warnings}
        )
    return rows


@permission_required(CURATE_FICHES)
def import_fiches_view(request):
    if request.method != "POST":
        return render(request, "editorial/import.html", {"form": UploadForm()})
    if "fiche" in request.POST:
        return _import_chosen(request)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():  # no file, or an empty one
        return render(request, "editorial/import.html", {"form": form})
    upload = form.cleaned_data["file"]
    try:
        if upload.size > MAX_FILE_SIZE:
            raise FicheImportError(
                f"Het bestand is te groot; het maximum is {MAX_FILE_SIZE // 1024 // 1024} MB."
            )
        text = text_from_bytes(upload.read(), filename=upload.name)
        parsed = parse_report(text)
    except FicheImportError as exc:
        messages.error(request, f"{exc} Er is niets geïmporteerd.")
        return render(request, "editorial/import.html", {"form": UploadForm()})
    request.session[SESSION_KEY] = text  # the choice comes in the next request
    return render(
        request,
        "editorial/import_preview.html",
        {"rows": _preview_rows(parsed.fiches), "skipped": parsed.skipped, "file_name": upload.name},
    )


def _import_chosen(request):
    text = request.session.pop(SESSION_KEY, None)
    chosen = set(request.POST.getlist("fiche"))
    if not text:
        messages.error(request, "Laad het bestand opnieuw op: de vorige upload is niet meer beschikbaar.")
        return redirect("editorial:import")
    fiches = [fiche for fiche in parse_fiches(text) if fiche.number in chosen]
    report = create_drafts(fiches)
    return render(request, "editorial/import_done.html", {"report": report})
