"""A Report (and maybe an earlier one) as the template context of the result page and the PDF."""

from django.utils import timezone

from portal.taxonomy import DigCompEduArea

from .framework import COMPETENCES_OF, LEVEL_NAMES, LEVELS, level_code, level_label
from .radar import Series, radar_svg
from .report import Report

SHORT_LABEL = 24  # axis labels of the radar; the table has the full labels


def _short(label: str) -> str:
    if len(label) <= SHORT_LABEL:
        return label
    return label[: SHORT_LABEL - 1].rsplit(" ", 1)[0] + "…"


def _change(now: int | None, before: int | None) -> int | None:
    return None if now is None or before is None else now - before


def result_context(request, report: Report, before: Report | None) -> dict:
    areas = list(DigCompEduArea.objects.prefetch_related("competences").order_by("sort_order", "code"))
    score = report.score
    old = before.score if before else None
    rows = []
    for area in areas:
        labels = {c.code: c.label for c in area.competences.all()}
        rows.append(
            {
                "code": area.code,
                "label": area.label,
                "level": level_code(score.areas.get(area.code)),
                "level_label": level_label(score.areas.get(area.code)),
                "before": level_code(old.areas.get(area.code)) if old else None,
                "change": _change(score.areas.get(area.code), old.areas.get(area.code)) if old else None,
                "competences": [
                    {
                        "code": code,
                        "label": labels.get(code, code),
                        "level": level_code(score.competences[code]),
                        "level_label": level_label(score.competences[code]),
                        "before": level_code(old.competences[code]) if old else None,
                        "change": _change(score.competences[code], old.competences[code]) if old else None,
                        "priority": code in score.priorities,
                        "marked": code in score.marked,
                    }
                    for code in COMPETENCES_OF.get(area.code, ())
                ],
            }
        )
    series = [Series("Nu", "radar-now", score.areas)]
    if old:
        series.insert(0, Series("Vorige keer", "radar-before", old.areas))
    chart = radar_svg(
        [(area.code, _short(area.label)) for area in areas],
        series,
        "Niveau per DigCompEdu-domein"
        + (", vergeleken met de vorige keer" if old else "")
        + ": "
        + "; ".join(f"domein {row['code']} {row['level'] or 'geen niveau'}" for row in rows),
    )
    competence_series = [Series("Nu", "radar-now", score.competences)]
    if old:
        competence_series.insert(0, Series("Vorige keer", "radar-before", old.competences))
    competence_chart = radar_svg(
        [(item["code"], "") for row in rows for item in row["competences"]],
        competence_series,
        "Niveau per competentie: "
        + "; ".join(
            f"{item['code']} {item['level'] or 'n.v.t.'}" for row in rows for item in row["competences"]
        ),
        chart_id="radar-competenties",
    )
    path = f"/zelfevaluatie/resultaat/{report.code}/"
    changes = [item["change"] for row in rows for item in row["competences"] if item["change"] is not None]
    went_up = [
        item
        for row in rows
        for item in row["competences"]
        if item["change"] is not None and item["change"] > 0
    ]
    return {
        "report": report,
        "code": report.code,
        "overall": level_code(score.overall),
        "overall_label": level_label(score.overall),
        "level_names": [(code, LEVEL_NAMES[code]) for code in LEVELS],
        "rose": sum(1 for change in changes if change > 0),
        "fell": sum(1 for change in changes if change < 0),
        "compared": len(changes),
        "made_on": timezone.localdate(),
        "rows": rows,
        "radar": chart,
        "competence_radar": competence_chart,
        "recommendations": report.recommendations,
        "levels": LEVELS,
        "before": before,
        "before_overall": level_code(old.overall) if old else None,
        "before_overall_label": level_label(old.overall) if old else None,
        "went_up": went_up,
        "share_url": request.build_absolute_uri(path),
        "pdf_url": f"{path}pdf/",
        "json_url": f"{path}json/",
        "path": path,
    }
