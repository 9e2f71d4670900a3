"""'Past dit bij mij?': an offer's competences and levels against the teacher's latest kept result."""

from selfassessment.framework import AREA_OF, LEVEL_NAMES, LEVELS, next_level

from .progress import score_of


def _label(index):
    return "geen niveau" if index is None else f"{LEVELS[index]} {LEVEL_NAMES[LEVELS[index]]}"


def fit_for(offer, code: str) -> dict:
    result = score_of(code)
    offer_levels = [level.code for level in offer.levels.all()]
    competences = list(offer.digcompedu_competences.all())
    areas = list(offer.digcompedu_areas.all())
    if result is None:
        return {
            "verdict": "Je bewaarde resultaat is niet te lezen.",
            "rows": [],
            "offer_levels": offer_levels,
        }
    rows = []
    for competence in competences:
        rows.append((competence.code, competence.label, result.competences.get(competence.code)))
    for area in areas:
        if not any(AREA_OF.get(code) == area.code for code, _l, _v in rows):
            rows.append((area.code, f"domein {area.label}", result.areas.get(area.code)))
    if not rows:
        rows.append(("", "je algemene niveau", result.overall))
    items = []
    fits = False
    for code, label, mine in rows:
        target = LEVELS[next_level(mine)] if mine is not None else None
        hit = bool(target and target in offer_levels)
        fits = fits or hit
        items.append({"code": code, "label": label, "mine": _label(mine), "next": target, "fits": hit})
    known = [mine for _c, _l, mine in rows if mine is not None]
    if not offer_levels:
        verdict = "Dit aanbod noemt geen niveau: lees de beschrijving om te zien of het bij je past."
    elif fits:
        verdict = "Dit past bij je: het aanbod richt zich op je volgende niveau."
    elif known and all(LEVELS.index(level) <= min(known) for level in offer_levels):
        verdict = "Je zit al op of boven het niveau van dit aanbod: het is wellicht een herhaling."
    else:
        verdict = "Dit aanbod ligt verder dan je volgende niveau: een grote stap, maar niet onmogelijk."
    return {"verdict": verdict, "rows": items, "offer_levels": offer_levels, "fits": fits}
