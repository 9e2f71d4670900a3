"""Template helpers shared by every fiche."""

import json
import re

from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

from portal import route_trail

register = template.Library()

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BULLET = re.compile(r"^\s*[-•]\s+")


@register.filter
def tag_label(name: str) -> str:
    """A tag as words: the inventory writes tags as slugs ("computationeel-denken")."""
    return " ".join(str(name).replace("_", "-").split("-")).strip()


@register.filter
def fiche_text(text: str) -> str:
    """Render a fiche field's plain text: blank lines separate paragraphs, '- ' lines become a list."""
    if not text:
        return ""
    parts = []
    for block in _PARAGRAPH_BREAK.split(text.strip()):
        prose, bullets = [], []
        for line in block.splitlines():
            if _BULLET.match(line):
                bullets.append(_BULLET.sub("", line).strip())
            elif bullets and line.startswith(" "):
                bullets[-1] += " " + line.strip()  # a bullet's wrapped continuation
            else:
                if bullets:
                    parts.append(_list_html(bullets))
                    bullets = []
                prose.append(line.strip())
                continue
            if prose:
                parts.append(f"<p>{escape(' '.join(prose))}</p>")
                prose = []
        if prose:
            parts.append(f"<p>{escape(' '.join(prose))}</p>")
        if bullets:
            parts.append(_list_html(bullets))
    return mark_safe("\n".join(parts))


def _list_html(items: list[str]) -> str:
    return "<ul>" + format_html_join("", "<li>{}</li>", ((item,) for item in items)) + "</ul>"


@register.inclusion_tag("includes/taxonomy_row.html")
def taxonomy_row(label: str, terms, param: str) -> dict:
    """One row of a fiche's taxonomy: its terms as links to the search filtered on that term."""
    return {"label": label, "terms": list(terms), "param": param}


@register.simple_tag(takes_context=True)
def json_ld(context, page) -> str:
    """<script type="application/ld+json"> with the page's schema.org description, or nothing."""
    describe = getattr(page, "structured_data", None)  # FichePage.structured_data: each kind its own
    data = describe(context.get("request")) if describe else None
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")  # never closes the script early
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag(takes_context=True)
def breadcrumb_ancestors(context, page) -> list:
    """The page's ancestors for its breadcrumbs, from the route that led here (portal.route_trail)."""
    return route_trail.ancestors(page, context.get("request"))
