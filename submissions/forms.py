"""The public forms. Each has a honeypot field that people never see (a bot fills it in)."""

from django import forms

from actors.action import Cost
from actors.session import CourseMode
from portal.admin_dates import DATETIME_HINT, DutchDateTimeField
from portal.taxonomy import Audience, DigCompEduArea, ProfessionalisationForm, ProficiencyLevel, SchoolLevel

HONEYPOT = "bedrijfswebsite"  # tempting to a bot, hidden from people (CSS) and from screen readers


class HoneypotForm(forms.Form):
    required_css_class = "required"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required:  # said in words, not only with a colour or an asterisk
                field.label = f"{field.label} (verplicht)"
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label="Laat dit veld leeg",
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]


def terms_field(label: str, model, *, order: str = "label", required_message: str = ""):
    """Tick boxes over a taxonomy, in its own order, posted by code; required when it has a message."""
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=model.objects.order_by("sort_order", order),
        to_field_name="code",
        required=bool(required_message),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": required_message} if required_message else None,
    )


class OfferForm(HoneypotForm):
    organisation = forms.CharField(label="Organisatie", max_length=200)
    name = forms.CharField(label="Je naam", max_length=120)
    email = forms.EmailField(
        label="Je e-mailadres", help_text="Om je melding te bevestigen en vragen te stellen."
    )
    title = forms.CharField(label="Naam van het aanbod", max_length=255)
    summary = forms.CharField(
        label="In één of twee zinnen",
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wat het is en voor wie.",
    )
    description = forms.CharField(
        label="Beschrijving", max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    first_start = DutchDateTimeField(
        label="Eerste sessie: begin",
        required=False,
        widget=forms.DateTimeInput(attrs={"placeholder": "dd/mm/jjjj uu:mm"}),
        help_text=f"Datum en uur van de eerste sessie: {DATETIME_HINT}. Leeg als er (nog) geen datum is.",
    )
    first_end = DutchDateTimeField(
        label="Eerste sessie: einde",
        required=False,
        widget=forms.DateTimeInput(attrs={"placeholder": "dd/mm/jjjj uu:mm"}),
        help_text="Mag leeg blijven.",
    )
    first_mode = forms.ChoiceField(
        label="Eerste sessie: waar",
        choices=CourseMode.choices,
        initial=CourseMode.ONSITE,
        required=False,
        widget=forms.RadioSelect,
    )
    first_location = forms.CharField(
        label="Eerste sessie: plaats",
        max_length=255,
        required=False,
        help_text="Adres of gemeente; leeg bij een online sessie.",
    )
    registration_url = forms.URLField(
        label="Inschrijvingslink",
        required=False,
        assume_scheme="https",
        help_text="Waar leraren zich voor de eerste sessie (of het aanbod) inschrijven.",
    )
    sessions = forms.CharField(
        label="Meer data of opmerkingen over de data",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Volgende sessies, of bv. ‘elk voorjaar’. Heb je veel sessies? De redactie kan ze in één keer inlezen.",
    )
    website = forms.URLField(label="Website", required=False, assume_scheme="https")
    audiences = terms_field("Voor wie", Audience, required_message="Kies minstens één doelgroep.")
    school_levels = terms_field("Onderwijsniveau", SchoolLevel)
    levels = terms_field("Competentieniveau", ProficiencyLevel, order="code")
    digcompedu_areas = terms_field("DigCompEdu-domein", DigCompEduArea, order="code")
    kinds = terms_field("Vorm", ProfessionalisationForm)
    cost = forms.ChoiceField(
        label="Kostprijs",
        choices=[("", "Weet ik niet"), *Cost.choices],
        required=False,
        widget=forms.RadioSelect,
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("first_start"), data.get("first_end")
        mode = data.get("first_mode") or CourseMode.ONSITE
        data["first_mode"] = mode
        if start is None:
            if end is not None or data.get("first_location", "").strip():
                if "first_start" not in self.errors:
                    self.add_error("first_start", "Geef ook het begin van de eerste sessie, of laat ze leeg.")
            return data
        if end is not None and end < start:
            self.add_error("first_end", "Het einde ligt vóór het begin.")
        if mode != CourseMode.ONLINE and not data.get("first_location", "").strip():
            self.add_error("first_location", "Geef een plaats op, of kies ‘Online’.")
        return data

    def first_session(self) -> dict:
        """The first session as stored with the submission (ISO times), or {} when none was given."""
        data = self.cleaned_data
        if data.get("first_start") is None:
            return {}
        return {
            "start": data["first_start"].isoformat(),
            "end": data["first_end"].isoformat() if data.get("first_end") else None,
            "course_mode": data["first_mode"],
            "location": data.get("first_location", "").strip(),
            "registration_url": data.get("registration_url", ""),
        }


class CorrectionForm(HoneypotForm):
    name = forms.CharField(label="Je naam", max_length=120)
    email = forms.EmailField(
        label="Je e-mailadres", help_text="We laten je weten wanneer de fiche is aangepast."
    )
    message = forms.CharField(
        label="Wat klopt er niet, of wat is er nieuw?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
