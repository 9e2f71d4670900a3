from django import template

from ..aggregates import COMPETENCE_NAMES

register = template.Library()


@register.filter
def competence_name(code) -> str:
    """ "4.3" -> "Feedback en planning" (empty for an unknown code)."""
    return COMPETENCE_NAMES.get(str(code), "")
