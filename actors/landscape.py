"""The landscape at a glance: /landschap/ (the report's B.4 overview, rebuilt from live data) and
/landschap/swot/ (every partner group's SWOT side by side).

The matrix counts every partner group against the DigCompEdu areas and pillars in one query on the
search index (search/crosstab.py), so every cell counts the same fiches its link finds.
"""

from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from portal.swot import OLD_ANCHORS, QUADRANTS
from portal.taxonomy import DigCompEduArea, Pillar
from search import crosstab

from .partnergroup import PartnerGroupPage

HEAT_STEPS = 5  # cell intensity classes heat-0 .. heat-4


@dataclass
class Cell:
    count: int
    url: str
    heat: int
    label: str  # the accessible name of the cell's link
    unit: str = ""  # "%" when the cells show shares

    def html(self) -> str:
        # Plain escaping, not format_html: thousands of cells, and format_html's lazy-string checks
        # cost more than the rest of the cell.
        if self.count:
            return (
                f'<td class="heat-{self.heat}"><a href="{escape(self.url)}" aria-label="{escape(self.label)}">'
                f"{self.count}{self.unit}</a></td>"
            )
        return f'<td class="heat-{self.heat}"><span>0{self.unit}</span></td>'


def cells_html(cells: list[Cell]) -> str:
    """A row's cells as one piece of HTML: thousands of cells (a landscape of hundreds of groups) render
    many times faster than through a template loop, which resolves and escapes each value again."""
    return mark_safe("".join(cell.html() for cell in cells))


@dataclass
class Row:
    group: PartnerGroupPage
    url: str  # the group's page, computed once for both tables
    total: int
    area_cells: list[Cell]
    pillar_cells: list[Cell]

    def area_html(self) -> str:
        return cells_html(self.area_cells)

    def pillar_html(self) -> str:
        return cells_html(self.pillar_cells)


def _search_url(group_slug: str, facet: str, code: str) -> str:
    return "/zoeken/?" + urlencode([("partnergroep", group_slug), (facet, code)])


SHARE = "aandeel"  # ?weergave=aandeel: each cell as a share of the group's fiches


def _heat(value: int, highest: int) -> int:
    return 0 if not value else 1 + min(HEAT_STEPS - 2, (value * (HEAT_STEPS - 1) - 1) // highest)


def legend(highest: int) -> list[tuple[int, int, int]]:
    """[(heat class, lowest value, highest value)] for the values 0..highest, as the cells use them."""
    ranges: dict[int, list[int]] = {0: [0, 0]}
    for value in range(1, highest + 1):
        low_high = ranges.setdefault(_heat(value, highest), [value, value])
        low_high[1] = value
    return [(heat, low, high) for heat, (low, high) in sorted(ranges.items())]


def matrix(request):
    share = request.GET.get("weergave") == SHARE
    areas = list(DigCompEduArea.objects.all())
    pillars = list(Pillar.objects.all())
    # Only what a row shows: a landscape of hundreds of groups need not load their SWOTs and texts.
    groups = list(
        PartnerGroupPage.objects.live().public().order_by("title").only("title", "slug", "url_path")
    )
    table = crosstab("partnergroep", ("digcompedu", "pijler"))
    empty = {"total": 0, "digcompedu": {}, "pijler": {}}
    counted = [
        (group, row["total"], row["digcompedu"], row["pijler"])
        for group in groups
        for row in [table.get(group.slug, empty)]
    ]

    def value(count: int, total: int) -> int:
        return round(100 * count / total) if share and total else count

    highest = (
        max([value(c, total) for _, total, a, p in counted for c in [*a.values(), *p.values()]] or [1]) or 1
    )

    def cell(group, total, counts, facet, term, what):
        count = counts.get(term.code, 0)
        shown = value(count, total)
        label = f"{count} fiche{'s' if count != 1 else ''} van {group.title} over {what}"
        if share:
            label += f", {shown}% van haar {total} fiches"
        url = _search_url(group.slug, facet, term.code)
        return Cell(shown, url, _heat(shown, highest), label, "%" if share else "")

    rows = [
        Row(
            group,
            group.url,
            total,
            [
                cell(group, total, area_counts, "digcompedu", area, f"DigCompEdu {area.code}")
                for area in areas
            ],
            [cell(group, total, pillar_counts, "pijler", pillar, pillar.label) for pillar in pillars],
        )
        for group, total, area_counts, pillar_counts in counted
    ]
    context = {
        "rows": rows,
        "areas": areas,
        "pillars": pillars,
        "share": share,
        "unit": "%" if share else "",
        "legend": legend(highest),
    }
    return render(request, "actors/landscape.html", context)


MIN_COMPARED = 2  # and no maximum: the comparison shows exactly the groups picked


def swot_comparison(request):
    keys = [key for key, _ in QUADRANTS]
    chosen = request.GET.get("kwadrant", "")
    if chosen in OLD_ANCHORS:  # the report's word; the portal says "kansen"
        query = request.GET.copy()
        query["kwadrant"] = OLD_ANCHORS[chosen]
        return redirect(f"{request.path}?{query.urlencode()}", permanent=True)
    ignored = chosen if chosen and chosen not in keys else ""
    shown = [(key, heading) for key, heading in QUADRANTS if chosen in ("", key) or ignored]
    all_groups = [
        group for group in PartnerGroupPage.objects.live().public().order_by("title") if group.swot_data
    ]
    picked = [slug for slug in dict.fromkeys(request.GET.getlist("groep")) if slug]
    known = [group for group in all_groups if group.slug in picked]
    pick_problem = ""
    if picked and len(known) < MIN_COMPARED:
        pick_problem = f"Kies minstens {MIN_COMPARED} partnergroepen om te vergelijken; we tonen ze alle."
    groups = known if picked and not pick_problem else all_groups
    return render(
        request,
        "actors/landscape_swot.html",
        {
            "groups": [
                (group, [(key, heading, group.swot_data[key]) for key, heading in shown]) for group in groups
            ],
            "quadrants": QUADRANTS,
            "chosen": "" if ignored else chosen,
            "ignored": ignored,
            "all_groups": all_groups,
            "picked": {group.slug for group in known},
            "pick_problem": pick_problem,
            "comparing": bool(picked) and not pick_problem,
            "group_query": "".join(f"&groep={group.slug}" for group in known)
            if picked and not pick_problem
            else "",
        },
    )
