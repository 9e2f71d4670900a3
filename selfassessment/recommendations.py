"""For each priority competence: up to five live offers that help the teacher to the next level.

Offers come from the search service (search.service.search) with competence, level and status
filters, never from queries of our own; calling the service directly (not through the search views)
also keeps these searches out of the search statistics: no analytics on answers.

Ranking, most important first (each rule is a tier; the tiers are searched in this order and the
first five distinct offers are kept):
1. tagged with the competence itself before offers tagged only with its area (or a sibling competence);
2. meant for the next level up before offers of any level;
3. available (a session ahead, "binnenkort", or self-paced, "doorlopend") before unknown status;
   ended ("afgelopen") offers are never recommended;
4. within a tier, the newest first.
If none of the five has a collaborative form (netwerk, intervisie, collegiale visitatie, lesson study)
and the inventory has one that fits, the best such offer takes the last place. When no offer fits the
next level, the recommendation says so and names the nearest level that has offers.

An offer of another level is never shown as if it were at the promised level: the offers of "any
level" come nearest level first (B1 before C1 for a target of B1; an offer without levels last),
and each carries `level_note`: "nog geen aanbod op jouw volgende niveau; dit is het dichtstbij",
or, for an offer two or more levels above the target, a warning that it asks more.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from actors.status import ENDED, SELF_PACED, UNKNOWN, UPCOMING
from discovery.presenters import url_for
from search import SearchHit, SearchParams
from search import facet_vocabulary as vocabulary
from search import search as search_service

from .framework import AREA_OF, COMPETENCES_OF, LEVELS, next_level
from .scoring import Score

OFFERS_PER_COMPETENCE = 5
NEAREST_POOL = 20  # offers of any level looked at to pick the nearest levels among them
COLLABORATIVE_FORMS = ("netwerk", "intervisie", "collegiale-visitatie", "lesson-study")
# Searched tier by tier: what a teacher can follow now, then what may still run; never ENDED.
STATUS_TIERS = ((UPCOMING, SELF_PACED), (UNKNOWN,))
LIVE_STATUSES = tuple(status for tier in STATUS_TIERS for status in tier)
assert ENDED not in LIVE_STATUSES
STATUS_WHY = {UPCOMING: "er komt een sessie aan", SELF_PACED: "doorlopend aanbod", UNKNOWN: "status onbekend"}
COST_OF = {"ja": "gratis", "nee": "betalend"}


@dataclass(frozen=True)
class Offer:
    id: int
    title: str
    url_path: str
    levels: tuple[str, ...]
    forms: tuple[str, ...]
    form_labels: tuple[str, ...]
    cost: str | None  # "gratis", "betalend" or None when unknown
    status: str
    on_competence: bool  # tagged with the competence itself (not only its area)
    fits_target: bool  # its levels include the target level
    collaborative: bool

    target: str = ""  # the level code the teacher was promised

    @property
    def level_note(self) -> str:
        """Empty when the offer is at the target level; otherwise what the teacher should know."""
        if self.fits_target or not self.target:
            return ""
        if not self.levels:
            return "Niveau niet opgegeven: nog geen aanbod op jouw volgende niveau; dit is het dichtstbij."
        target = LEVELS.index(self.target)
        lowest_above = min((LEVELS.index(code) for code in self.levels), key=lambda i: abs(i - target))
        if lowest_above - target >= 2:
            return (
                f"Let op: dit aanbod is voor niveau {', '.join(self.levels)}, twee of meer stappen boven "
                f"{self.target}. Nog geen aanbod op jouw volgende niveau; dit is het dichtstbij."
            )
        return f"Niveau {', '.join(self.levels)}: nog geen aanbod op jouw volgende niveau; dit is het dichtstbij."

    @property
    def why(self) -> str:
        """One line on why this offer is here (the tiers of the ranking)."""
        scope = "over deze competentie" if self.on_competence else "over hetzelfde domein"
        level = "op je volgende niveau" if self.fits_target else "zonder je volgende niveau als doel"
        status = STATUS_WHY.get(self.status, "status onbekend")
        return (
            f"{scope.capitalize()}, {level}; {status}{', samen met collega’s' if self.collaborative else ''}."
        )

    def as_json(self, absolute: Callable[[str], str] = str) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "url": absolute(self.url_path),
            "levels": list(self.levels),
            "forms": list(self.forms),
            "cost": self.cost,
            "status": self.status,
            "level_note": self.level_note or None,
        }


@dataclass(frozen=True)
class Recommendation:
    competence: str
    label: str  # "3.2 Begeleiden"
    level: int
    target_level: int
    reason: str
    offers: tuple[Offer, ...]
    more_url: str  # the search with these filters ("meer aanbod")
    nearest_level: int | None = None  # set when nothing fits the target level
    note: str = ""
    more_level: int | None = None  # the level of the "meer aanbod" search

    @property
    def level_code(self) -> str:
        return LEVELS[self.level]

    @property
    def target_code(self) -> str:
        return LEVELS[self.target_level]

    @property
    def more_level_code(self) -> str:
        return LEVELS[self.more_level] if self.more_level is not None else ""

    def as_json(self, absolute: Callable[[str], str] = str) -> dict:
        return {
            "competence": self.competence,
            "level": LEVELS[self.level],
            "target_level": LEVELS[self.target_level],
            "reason": self.reason,
            "note": self.note or None,
            "nearest_level": LEVELS[self.nearest_level] if self.nearest_level is not None else None,
            "more_url": absolute(self.more_url),
            "offers": [offer.as_json(absolute) for offer in self.offers],
        }


def recommend(
    score: Score, search=search_service, limit: int = OFFERS_PER_COMPETENCE
) -> list[Recommendation]:
    return [recommend_for(code, score.competences[code], search, limit) for code in score.priorities]


def recommend_for(competence: str, level: int, search=search_service, limit: int = OFFERS_PER_COMPETENCE):
    target = next_level(level)
    area = AREA_OF[competence]
    scopes = ((competence,), (area, *COMPETENCES_OF[area]))
    tiers = [
        (scope, target_filter, statuses)
        for scope in scopes
        for target_filter in (LEVELS[target], None)
        for statuses in STATUS_TIERS
    ]
    chosen: list[SearchHit] = []
    for scope, level_code, statuses in tiers:
        if len(chosen) >= limit:
            break
        if level_code:
            chosen += _new_hits(search, _params(scope, level_code, statuses), chosen, limit - len(chosen))
        else:  # any level: the nearest to the target first
            wider = _new_hits(search, _params(scope, None, statuses), chosen, NEAREST_POOL)
            wider.sort(key=lambda hit: _level_distance(hit, target))
            chosen += wider[: limit - len(chosen)]
    if chosen and not any(_collaborative(hit) for hit in chosen):
        for scope, level_code, statuses in tiers:
            found = _new_hits(
                search, _params(scope, level_code, statuses, forms=COLLABORATIVE_FORMS), chosen, 1
            )
            if found:
                chosen = (chosen[: limit - 1] if len(chosen) >= limit else chosen) + found
                break
    offers = tuple(_offer(hit, competence, LEVELS[target]) for hit in chosen)
    label = vocabulary()["digcompedu"].get(competence, competence)
    reason = f"omdat je op {label} {LEVELS[level]} scoort; dit aanbod richt zich op {LEVELS[target]}"
    nearest, note = None, ""
    more_level = target
    if not any(offer.fits_target for offer in offers):
        nearest = _nearest_level(search, scopes, target)
        if nearest is None:
            note = f"Er is nog geen lopend aanbod voor {label} op niveau {LEVELS[target]}."
        else:
            more_level = nearest
            note = (
                f"Er is nog geen lopend aanbod voor {label} op niveau {LEVELS[target]}; "
                f"het dichtstbijzijnde niveau met aanbod is {LEVELS[nearest]}."
            )
        if offers:
            note += " Hieronder aanbod zonder dat niveau."
    more = SearchParams(
        filters={
            "type": ("actie",),
            "digcompedu": (competence,),
            "niveau": (LEVELS[more_level],),
            "status": LIVE_STATUSES,
        }
    )
    return Recommendation(
        competence=competence,
        label=label,
        level=level,
        target_level=target,
        reason=reason,
        offers=offers,
        more_url=url_for(more),
        nearest_level=nearest,
        note=note,
        more_level=more_level,
    )


def _params(scope, level_code, statuses, forms=(), page_size=OFFERS_PER_COMPETENCE, facets=False):
    # Only actions have a status, so the status filter alone keeps other kinds out (one filter less).
    filters = {"digcompedu": tuple(scope), "status": tuple(statuses)}
    if level_code:
        filters["niveau"] = (level_code,)
    if forms:
        filters["vorm"] = tuple(forms)
    # Facet counts are the costly part of a search; only the nearest-level probe needs them.
    return SearchParams(filters=filters, sort="nieuw", page_size=page_size, facets=facets)


def _new_hits(search, params: SearchParams, chosen: list[SearchHit], wanted: int) -> list[SearchHit]:
    # Earlier tiers overlap later ones; asking for as many more as were chosen still yields `wanted` new ones.
    seen = {hit.id for hit in chosen}
    result = search(replace(params, page_size=wanted + len(seen)))
    return [hit for hit in result.hits if hit.id not in seen][:wanted]


def _nearest_level(search, scopes, target: int) -> int | None:
    """The level closest to the target (the lower one on a tie) with live offers, from facet counts."""
    for scope in scopes:
        result = search(_params(scope, LEVELS[target], LIVE_STATUSES, page_size=1, facets=True))
        counts = result.facet_counts("niveau")
        candidates = [i for i, code in enumerate(LEVELS) if counts.get(code)]
        if candidates:
            return min(candidates, key=lambda i: (abs(i - target), i))
    return None


def _level_distance(hit: SearchHit, target: int) -> tuple[int, int]:
    """How far the offer's nearest level is from the target (a level below before one above);
    an offer without levels after every levelled one."""
    levels = [LEVELS.index(code) for code in hit.values.get("niveau", ()) if code in LEVELS]
    if not levels:
        return (len(LEVELS), 0)
    nearest = min(levels, key=lambda i: (abs(i - target), i))
    return (abs(nearest - target), nearest)


def _collaborative(hit: SearchHit) -> bool:
    return any(form in COLLABORATIVE_FORMS for form in hit.values.get("vorm", ()))


def _offer(hit: SearchHit, competence: str, target_code: str) -> Offer:
    levels = tuple(code for code in LEVELS if code in hit.values.get("niveau", ()))
    statuses = hit.values.get("status") or [UNKNOWN]
    cost = hit.values.get("gratis") or []
    form_labels = vocabulary()["vorm"]
    return Offer(
        id=hit.id,
        title=hit.title,
        url_path=hit.url_path,
        levels=levels,
        forms=tuple(hit.values.get("vorm", ())),
        form_labels=tuple(form_labels.get(form, form) for form in hit.values.get("vorm", ())),
        cost=COST_OF.get(cost[0]) if cost else None,
        status=statuses[0],
        on_competence=competence in hit.digcompedu,
        fits_target=target_code in levels,
        collaborative=_collaborative(hit),
        target=target_code,
    )
