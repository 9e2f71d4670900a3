"""Kept self-assessment results as progress per area: plain data for the leerpad's table."""

from portal.taxonomy import DigCompEduArea
from selfassessment import codes
from selfassessment.framework import AREAS, LEVEL_NAMES, LEVELS, level_code
from selfassessment.radar import Series, radar_svg
from selfassessment.scoring import Score, score


def score_of(code: str) -> Score | None:
    try:
        decoded = codes.decode(code)
    except codes.InvalidCode:
        return None
    return score(decoded.levels, decoded.marked)


def progress_table(results) -> dict:
    """results: PersonalResults, newest first. Columns oldest first (as a teacher reads growth),
    one row per area with the level at each date and the change from the previous to the latest."""
    scored = [(r, s) for r in reversed(list(results)) if (s := score_of(r.code)) is not None]
    if not scored:
        return {"columns": [], "rows": [], "latest": None}
    labels = dict(DigCompEduArea.objects.values_list("code", "label"))
    rows = []
    for area in AREAS:
        levels = [s.areas.get(area) for _r, s in scored]
        last, previous = levels[-1], levels[-2] if len(levels) > 1 else None
        change = None if last is None or previous is None else last - previous
        rows.append(
            {
                "code": area,
                "label": labels.get(area, area),
                "levels": [level_code(level) or "–" for level in levels],
                "change": change,
            }
        )
    latest_result, latest = scored[-1]
    previous = scored[-2] if len(scored) > 1 else None
    overall = level_code(latest.overall)
    series = [Series("Nu", "radar-now", latest.areas)]
    if previous:
        series.insert(0, Series("Vorige keer", "radar-before", previous[1].areas))
    chart = radar_svg(
        [(area, labels.get(area, area)[:22]) for area in AREAS],
        series,
        "Je niveau per domein"
        + (", vergeleken met je vorige resultaat" if previous else "")
        + ": "
        + "; ".join(f"domein {row['code']} {row['levels'][-1]}" for row in rows),
        chart_id="leerpad-radar",
    )
    return {
        "chart": chart,
        "columns": [r for r, _s in scored],
        "rows": rows,
        "latest": latest_result,
        "previous": previous[0] if previous else None,
        "overall": f"{overall} {LEVEL_NAMES[overall]}" if overall else None,
        "priorities": list(latest.priorities),
        "levels": LEVELS,
    }
