from django import template

from ..aggregates import COMPETENCE_NAMES
from ..joining import pending_invitation as _pending_invitation

register = template.Library()


@register.filter
def competence_name(code) -> str:
    """ "4.3" -> "Feedback en planning" (empty for an unknown code)."""
    return COMPETENCE_NAMES.get(str(code), "")


@register.simple_tag(takes_context=True)
def pending_invitation(context):
    """The invitation a logged-out visitor followed (account pages only: it reads the session)."""
    request = context.get("request")
    return _pending_invitation(request) if request is not None else None
