"""Date and date-time fields in the admin that never lose what an editor typed.

Wagtail's date picker replaces text it cannot read in its own format with the current date and time
when the field loses focus ("2027-01-20 14:00" + Tab became today). Here the picker leaves the text
alone (`validateOnBlur: false`), shows the expected format as placeholder and help, and the server
reads both the nl-BE (20/01/2027 14:00) and the ISO (2027-01-20 14:00) notation; anything else is
refused with a Dutch message that names the format, and the typed text stays in the field.
"""

from django import forms
from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

DATETIME_HINT = "dd/mm/jjjj uu:mm, bv. 20/01/2027 14:00 (of 2027-01-20 14:00)"
DATE_HINT = "dd/mm/jjjj, bv. 20/01/2027 (of 2027-01-20)"

DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d/%m/%Y %Hu%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y",
    "%Y-%m-%d",
]
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


class KeepTypedDateTimeInput(AdminDateTimeInput):
    def __init__(self, attrs=None, **kwargs):
        super().__init__(attrs={"placeholder": "dd/mm/jjjj uu:mm", **(attrs or {})}, **kwargs)

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class KeepTypedDateInput(AdminDateInput):
    def __init__(self, attrs=None, **kwargs):
        super().__init__(attrs={"placeholder": "dd/mm/jjjj", **(attrs or {})}, **kwargs)

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class DutchDateTimeField(forms.DateTimeField):
    input_formats = DATETIME_INPUT_FORMATS
    default_error_messages = {
        "invalid": f"Deze datum en tijd kunnen we niet lezen. Schrijf ze als {DATETIME_HINT}.",
        "overflow": f"Deze datum bestaat niet. Schrijf ze als {DATETIME_HINT}.",
    }


class DutchDateField(forms.DateField):
    input_formats = DATE_INPUT_FORMATS
    default_error_messages = {"invalid": f"Deze datum kunnen we niet lezen. Schrijf ze als {DATE_HINT}."}


def register() -> None:
    """Called once from PortalConfig.ready(): every admin form with a date or date-time field."""
    register_form_field_override(
        models.DateTimeField,
        override={"widget": KeepTypedDateTimeInput, "form_class": DutchDateTimeField},
    )
    register_form_field_override(
        models.DateField, override={"widget": KeepTypedDateInput, "form_class": DutchDateField}
    )
