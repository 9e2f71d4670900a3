from datetime import date

from django import forms

from portal.hygiene import parse_id
from selfassessment import codes
from selfassessment.framework import COMPETENCES, LEVELS

from .models import LEVEL_CHOICES, NETWORK_CHOICES, Goal, Invitation, Plan, School
from .offers import known_offer_ids
from .smart import school_year_bounds


class SchoolForm(forms.ModelForm):
    levels = forms.MultipleChoiceField(
        label="Onderwijsniveaus", choices=LEVEL_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    network = forms.ChoiceField(label="Onderwijsnet", choices=NETWORK_CHOICES)

    class Meta:
        model = School
        fields = ["name", "institution_number", "network", "levels"]

    def clean_institution_number(self):
        value = self.cleaned_data["institution_number"].strip()
        if value and not value.isdigit():
            raise forms.ValidationError("Een instellingsnummer bestaat alleen uit cijfers.")
        return value


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["school_year"]
        labels = {"school_year": "Schooljaar (bv. 2026-2027)"}

    def clean_school_year(self):
        value = self.cleaned_data["school_year"].strip()
        if school_year_bounds(value) is None:
            raise forms.ValidationError("Geef een schooljaar als 2026-2027 (twee opeenvolgende jaren).")
        return value


class VisionForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["vision", "next_steps"]
        widgets = {
            "vision": forms.Textarea(attrs={"rows": 8}),
            "next_steps": forms.Textarea(attrs={"rows": 4}),
        }


OFFER_BOXES = "aanbod"  # the name of the offer checkboxes of the goal form


class GoalForm(forms.ModelForm):
    competences = forms.MultipleChoiceField(
        label="Competenties",
        choices=[(c, c) for c in COMPETENCES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_level = forms.ChoiceField(
        label="Doelniveau", choices=[("", "geen")] + [(lv, lv) for lv in LEVELS], required=False
    )
    offers = forms.CharField(
        label="Nog ander aanbod (fiche-nummers, gescheiden door komma's)", required=False, max_length=500
    )

    class Meta:
        model = Goal
        fields = [
            "title",
            "competences",
            "target_level",
            "indicator",
            "target",
            "owner",
            "deadline",
            "status",
            "measured",
            "evidence",
        ]
        # A text field, not type=date: a wrong value comes back as typed, with the message.
        widgets = {
            "deadline": forms.DateInput(attrs={"placeholder": "jjjj-mm-dd"}, format="%Y-%m-%d"),
            "evidence": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"evidence": "Bewijs of resultaat (wat toont dat het doel bereikt is, voor het jaarverslag)"}
        error_messages = {"deadline": {"invalid": "Geef een geldige datum (jjjj-mm-dd)."}}

    def clean_offers(self):
        raw = [part.strip() for part in self.cleaned_data["offers"].split(",") if part.strip()]
        if hasattr(self.data, "getlist"):  # the linked, recommended and found offers ticked in the form
            raw += [part.strip() for part in self.data.getlist(OFFER_BOXES) if part.strip()]
        if not all(parse_id(part) for part in raw):
            raise forms.ValidationError("Geef fiche-nummers, bv. 12, 45.")
        ids = list(dict.fromkeys(int(part) for part in raw))
        unknown = sorted(set(ids) - known_offer_ids(ids))
        if unknown:
            raise forms.ValidationError(f"Onbekende fiche: {', '.join(map(str, unknown))}.")
        return ids

    def save(self, commit=True):
        self.instance.offers = self.cleaned_data["offers"]
        return super().save(commit)


class AnswerForm(forms.Form):
    code = forms.CharField(label="Je resultaatcode", max_length=64)


class PersonalResultForm(forms.Form):
    code = forms.CharField(label="Je resultaatcode", max_length=codes.MAX_CODE_LENGTH * 2)
    taken_on = forms.DateField(
        label="Datum van de zelfevaluatie (jjjj-mm-dd)",
        initial=date.today,
        widget=forms.DateInput(attrs={"placeholder": "jjjj-mm-dd"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Geef een geldige datum (jjjj-mm-dd)."},
    )
    consent = forms.BooleanField(
        label="Ik wil dat dit resultaat bij mijn account bewaard wordt. Alleen ik zie het; ik kan het altijd wissen.",
        error_messages={
            "required": "Vink aan dat je het resultaat wilt bewaren; zonder toestemming bewaren we niets."
        },
    )

    def clean_code(self):
        try:
            codes.decode(self.cleaned_data["code"])
        except codes.InvalidCode as exc:
            raise forms.ValidationError(str(exc)) from exc
        return codes.normalise(self.cleaned_data["code"])

    def clean_taken_on(self):
        day = self.cleaned_data["taken_on"]
        if day > date.today():
            raise forms.ValidationError("De datum ligt in de toekomst.")
        return day
