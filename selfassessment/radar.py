"""A radar chart of the levels per area as inline SVG, drawn on the server (no JavaScript needed).

The same numbers are always shown as a table next to it; the SVG is a picture with a summary for
screen readers. Colours come from CSS classes (no inline styles: the Content-Security-Policy); the
SVG presentation attributes repeat them for WeasyPrint, which does not apply page CSS inside an SVG.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .framework import LEVELS

SIZE = 360
CENTRE = SIZE / 2
RADIUS = 120
MARGIN = 150  # room for the axis labels left and right
WIDTH = SIZE + 2 * MARGIN  # the viewBox width: the CSS widths below scale it
LABEL_SIZE = 13  # user units; at the smallest drawn width (36rem on a phone, 170 mm in the PDF) >= 11 px
PAINT = {
    "radar-now": 'fill="#1d4f91" fill-opacity="0.25" stroke="#1d4f91"',
    "radar-before": 'fill="none" stroke="#8a4a00" stroke-dasharray="5 3"',
}
DOT = {"radar-now": 'fill="#1d4f91"', "radar-before": 'fill="#8a4a00"'}


@dataclass(frozen=True)
class Series:
    name: str  # e.g. "Nu" or "Vorige keer"
    css_class: str  # "radar-now" / "radar-before"
    levels: dict[str, int | None]  # axis code -> level index


def _point(axis: int, axes: int, fraction: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * axis / axes
    return (
        round(CENTRE + RADIUS * fraction * math.cos(angle), 1),
        round(CENTRE + RADIUS * fraction * math.sin(angle), 1),
    )


def radar_svg(
    axes: list[tuple[str, str]], series: list[Series], title: str, chart_id: str = "radar"
) -> SafeString:
    """axes: [(code, label)]; a level index i sits at (i + 1) / 6 of the radius; no level: the centre."""
    count = len(axes)
    steps = len(LEVELS)
    parts = [
        f'<svg class="radar" viewBox="{-MARGIN} -15 {SIZE + 2 * MARGIN} {SIZE + 30}" '
        f'width="{SIZE + 2 * MARGIN}" height="{SIZE + 30}" role="img" '
        f'aria-labelledby="{chart_id}-titel" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-titel">{escape(title)}</title>',
    ]
    for step in range(1, steps + 1):
        ring = " ".join(f"{x},{y}" for x, y in (_point(i, count, step / steps) for i in range(count)))
        parts.append(f'<polygon class="radar-ring" points="{ring}" fill="none" stroke="#d5d9de"/>')
    for i, (code, label) in enumerate(axes):
        x, y = _point(i, count, 1)
        parts.append(
            f'<line class="radar-axis" x1="{CENTRE}" y1="{CENTRE}" x2="{x}" y2="{y}" stroke="#b0b6bd"/>'
        )
        lx, ly = _point(i, count, 1.18)
        anchor = "middle" if abs(lx - CENTRE) < 10 else ("start" if lx > CENTRE else "end")
        parts.append(
            f'<text class="radar-label" x="{lx}" y="{ly}" text-anchor="{anchor}" font-size="{LABEL_SIZE}">{escape(code)} {escape(label)}</text>'
        )
    for step in range(1, steps + 1):
        x, y = _point(0, count, step / steps)
        parts.append(
            f'<text class="radar-scale" x="{x + 4}" y="{y + 4}" font-size="10" fill="#555">{LEVELS[step - 1]}</text>'
        )
    for one in series:
        points = []
        for i, (code, _label) in enumerate(axes):
            level = one.levels.get(code)
            points.append(_point(i, count, 0 if level is None else (level + 1) / steps))
        shape = " ".join(f"{x},{y}" for x, y in points)
        parts.append(
            f'<polygon class="radar-area {one.css_class}" points="{shape}" stroke-width="2" {PAINT[one.css_class]}/>'
        )
        for x, y in points:
            parts.append(
                f'<circle class="radar-dot {one.css_class}" cx="{x}" cy="{y}" r="4" {DOT[one.css_class]}/>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
