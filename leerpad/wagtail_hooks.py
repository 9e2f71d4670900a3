"""'Voor jou' on the home page: for a logged-in teacher, or a visitor with a result code in the URL
(?resultaat=CODE, nothing stored). Rows: my school's picks, offers at my next level for my priorities,
what starts soon, and what is free and online."""

from wagtail import hooks

from portal.pages import HOME_PAGE_CONTEXT_HOOK
from search import SearchParams, search
from selfassessment import codes
from selfassessment.report import report_for_code

from .priorities import picks_for_member

ROW_SIZE = 4
ONLINE_FORMS = ("webinar", "e-learning", "mooc")


def _hits(filters: dict) -> list[dict]:
    hits = search(
        SearchParams(filters={"type": ("actie",)} | filters, sort="nieuw", page_size=ROW_SIZE, facets=False)
    ).hits
    return [{"id": hit.id, "title": hit.title, "url": hit.url_path} for hit in hits]


def _next_level(code: str) -> list[dict]:
    try:
        report = report_for_code(code)
    except codes.InvalidCode:
        return []
    seen, offers = set(), []
    for recommendation in report.recommendations:
        for offer in recommendation.offers[:2]:
            if offer.id not in seen and len(offers) < ROW_SIZE:
                seen.add(offer.id)
                offers.append({"id": offer.id, "title": offer.title, "url": offer.url_path})
    return offers


@hooks.register(HOME_PAGE_CONTEXT_HOOK)
def voor_jou(page, request) -> dict:
    user = request.user
    logged_in = user.is_authenticated
    code = request.GET.get("resultaat", "").strip()[: codes.MAX_CODE_LENGTH]
    if not logged_in and not code:
        return {}
    if logged_in and not code:
        latest = user.personal_results.first()
        code = latest.code if latest else ""
    rows = []
    if logged_in:
        picks = list(picks_for_member(user, only_mine=True)[:ROW_SIZE])
        if picks:
            rows.append(
                {
                    "title": "Mijn school raadt aan",
                    "offers": [{"id": p.offer_id, "title": p.offer.title, "url": p.offer.url} for p in picks],
                }
            )
    if code:
        offers = _next_level(code)
        if offers:
            rows.append({"title": "Op je volgende niveau", "offers": offers})
    rows.append({"title": "Start binnenkort", "offers": _hits({"status": ("binnenkort",)})})
    rows.append(
        {
            "title": "Gratis en online",
            "offers": _hits(
                {"gratis": ("ja",), "vorm": ONLINE_FORMS, "status": ("binnenkort", "doorlopend")}
            ),
        }
    )
    return {"voor_jou": [row for row in rows if row["offers"]], "voor_jou_can_save": logged_in}
