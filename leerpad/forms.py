"""The "Gevolgd" form: a followed training, with an optional evidence file checked by its first
bytes (not by its name or the browser's word) and its size."""

import datetime as dt

from django import forms
from django.utils import timezone

from actors.models import ActionPage
from portal.taxonomy import DigCompEduCompetence

from .models import LoggedTraining

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
MAGIC = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)
MAX_HOURS = 500


def sniff(upload) -> tuple[str, str] | None:
    """(content type, suffix) from the file's first bytes, or None for anything else."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type, suffix in MAGIC:
        if head.startswith(magic):
            return content_type, suffix
    return None


class CompetenceChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.label}"


class TrainingForm(forms.ModelForm):
    offer_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    competence = CompetenceChoice(
        label="Competentie",
        queryset=DigCompEduCompetence.objects.order_by("sort_order", "code"),
        required=False,
        empty_label="(geen of weet ik niet)",
    )
    evidence = forms.FileField(
        label="Bewijsstuk (PDF, PNG of JPEG, hoogstens 5 MB; niet verplicht)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    class Meta:
        model = LoggedTraining
        fields = ["title", "date", "hours", "summary", "competence", "evidence"]
        labels = {
            "title": "Wat volgde je? (titel van de vorming)",
            "date": "Datum (bv. 2026-11-14)",
            "hours": "Aantal uren",
            "summary": "Kort: wat gebruik je ervan in de klas?",
        }
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        }
        error_messages = {
            "title": {"required": "Geef de titel van de vorming."},
            "date": {"required": "Geef de datum.", "invalid": "Geef een geldige datum, bv. 2026-11-14."},
            "hours": {
                "required": "Geef het aantal uren.",
                "invalid": "Geef het aantal uren als getal, bv. 3 of 1,5.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False  # an offer of the portal brings its own title
        self.evidence_type = ""
        self.fields["hours"].localize = True  # "1,5" as a Flemish teacher types it
        self.fields["hours"].widget = forms.TextInput(attrs={"inputmode": "decimal"})
        self.fields["hours"].widget.is_localized = True

    def clean(self):
        data = super().clean()
        offer = data.get("offer_id")
        if offer and not (data.get("title") or "").strip():
            data["title"] = offer.title[:200]
        if not (data.get("title") or "").strip() and "title" not in self.errors:
            self.add_error("title", "Geef de titel van de vorming.")
        return data

    def clean_offer_id(self):
        value = self.cleaned_data.get("offer_id")
        if value is None:
            return None
        offer = ActionPage.objects.live().public().filter(pk=value).first()
        if offer is None:
            raise forms.ValidationError("Dit aanbod bestaat niet (meer). Typ de titel zelf.")
        return offer

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError("Deze datum ligt in de toekomst: log een vorming nadat je ze volgde.")
        if value < dt.date(2000, 1, 1):
            raise forms.ValidationError("Geef een datum na 2000.")
        return value

    def clean_hours(self):
        value = self.cleaned_data["hours"]
        if value <= 0 or value > MAX_HOURS:
            raise forms.ValidationError(f"Geef een aantal uren tussen 0,5 en {MAX_HOURS}.")
        return value

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if not upload:
            return None
        if upload.size > MAX_EVIDENCE_BYTES:
            raise forms.ValidationError("Dit bestand is groter dan 5 MB. Kies een kleiner bestand.")
        kind = sniff(upload)
        if kind is None:
            raise forms.ValidationError(
                "Dit bestand is geen PDF, PNG of JPEG. Kies een attest als PDF of een foto als PNG of JPEG."
            )
        self.evidence_type, suffix = kind
        upload.name = f"bewijs{suffix}"  # the original name is not kept
        return upload
