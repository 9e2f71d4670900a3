"""Admin views for the concepts (Snippets > Concepten): export as CSV or SKOS, import a file."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from .concept_io import FORMATS, export, import_text

MAX_UPLOAD = 2 * 1024 * 1024
EXTENSIONS = {"csv": "csv", "ttl": "ttl", "rdf": "rdf", "xml": "rdf", "skos": "ttl"}


def _require(request, *actions: str) -> None:
    if not all(request.user.has_perm(f"search.{action}_concept") for action in actions):
        raise PermissionDenied


def export_view(request):
    _require(request, "view")
    file_format = request.GET.get("formaat", "csv")
    if file_format not in FORMATS:
        file_format = "csv"
    response = HttpResponse(export(file_format), content_type=f"{FORMATS[file_format]}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="concepten.{file_format}"'
    return response


class ConceptImportForm(forms.Form):
    file = forms.FileField(
        label="Bestand",
        help_text="CSV (kolommen voorkeurslabel, andere_labels, competentie, pijler, tags) of SKOS (.ttl of .rdf).",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in EXTENSIONS:
            raise forms.ValidationError("Kies een bestand met de extensie .csv, .ttl of .rdf.")
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError("Het bestand is groter dan 2 MB.")
        raw = upload.read()
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return EXTENSIONS[extension], raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise forms.ValidationError("Het bestand is geen leesbare tekst (verwacht UTF-8).")


def import_view(request):
    _require(request, "add", "change")
    form = ConceptImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file_format, text = form.cleaned_data["file"]
        report = import_text(text, file_format)
        messages.success(request, f"Concepten geïmporteerd: {report.summary()}.")
        for error in report.errors[:20]:
            messages.warning(request, error)
        return redirect(reverse("wagtailsnippets_search_concept:list"))
    return render(request, "search/concept_import.html", {"form": form})
