"""One harvest of one source: fetch, parse, match each session to an offer of the source's actor, and
add, update or close sessions, all in one transaction (a bad source changes nothing and says why).

Matching, in order: a session harvested before (by its id at the provider), the offer's slug (CSV),
a URL (the offer's website or registration link, a session's registration link), the offer's title.
A session an editor changed since the last harvest is never overwritten, and one an editor deleted
is not added again. Trust "live": sessions of a live offer without pending changes are published;
otherwise (and always with trust "review") the offer gets a draft in the review workflow.

Sessions that match no offer but carry the offer's name become a proposed new offer: an unpublished
ActionPage under the offers' index (title, the source's actor as organiser, the provider's URL, its
sessions from the feed), submitted to the review workflow like a page edit and never published by the
harvester. The sessions are recorded like any harvested session, so a rerun finds the draft again (by
the session's id at the provider, or by the URL) and never proposes it twice; one the editors deleted is
not proposed again (HarvestSource.proposed)."""

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from actors.drafts import add_offer_draft, offers_index
from actors.models import ActionPage
from inventory.session_import import may_go_live, save_sessions
from inventory.session_rows import parse_session, session_from, session_values

from .fetch import FetchError, fetch
from .models import COUNT_LABELS, HarvestedSession, HarvestSource
from .parsers import Item, ParseError, parse

logger = logging.getLogger(__name__)


class HarvestError(Exception):
    """The feed was read but cannot be applied; nothing was written."""


@dataclass
class RunReport:
    source: HarvestSource
    status: str = "ok"  # ok | ongewijzigd | fout
    counts: dict = field(default_factory=lambda: dict.fromkeys(COUNT_LABELS, 0))
    messages: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)  # new offers, as drafts in the review workflow

    @property
    def failed(self) -> bool:
        return self.status == "fout"

    @property
    def summary(self) -> str:
        if self.status == "ongewijzigd":
            return f"{self.source.name}: ongewijzigd sinds de vorige keer (niets gedaan)."
        if self.failed:
            return f"{self.source.name}: FOUT: {self.messages[0] if self.messages else 'onbekend'}"
        counts = ", ".join(f"{self.counts[key]} {label}" for key, label in COUNT_LABELS.items())
        return (
            f"{self.source.name}: {counts}; {len(self.published)} aanbod gepubliceerd, "
            f"{len(self.drafts)} ter controle, {len(self.proposed)} nieuw aanbod voorgesteld."
        )


def _canonical(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    return value


def digest(values: dict) -> str:
    """The same for a session as parsed and as stored (time zones and decimals made canonical)."""
    canonical = {name: _canonical(value) for name, value in values.items()}
    return hashlib.sha256(json.dumps(canonical, sort_keys=True, default=str).encode()).hexdigest()


def harvest(source: HarvestSource, user=None) -> RunReport:
    """Harvest one source and record the outcome on it. Never raises for a bad source."""
    report = RunReport(source)
    try:
        fetched = fetch(source.url, source.etag, source.last_modified)
        if fetched.not_modified:
            report.status = "ongewijzigd"
        else:
            items = parse(source.kind, fetched.text)
            report.messages += fetched.warnings
            with transaction.atomic():
                _apply(source, items, report, user)
            source.etag, source.last_modified = fetched.etag[:200], fetched.last_modified[:100]
    except (FetchError, ParseError, HarvestError) as exc:
        report.status = "fout"
        report.messages.insert(0, str(exc))
        report.counts = dict.fromkeys(COUNT_LABELS, 0)
    except Exception as exc:  # a bad source never breaks the run of the others
        logger.exception("harvest of %s failed", source.url)
        report.status = "fout"
        report.messages.insert(0, f"Onverwachte fout bij het verwerken ({exc.__class__.__name__}: {exc}).")
        report.counts = dict.fromkeys(COUNT_LABELS, 0)
    source.last_run_at = timezone.now()
    source.last_status = report.status
    source.last_counts = report.counts
    source.last_message = "\n".join([report.summary, *report.messages])
    source.save(
        update_fields=["etag", "last_modified", "last_run_at", "last_status", "last_counts", "last_message"]
    )
    return report


def _normal(text: str) -> str:
    return " ".join(str(text).casefold().split())


def _apply(source: HarvestSource, items: list[Item], report: RunReport, user) -> None:
    offers = list(ActionPage.objects.filter(organisers=source.actor).select_for_update())
    by_slug = {page.slug: page for page in offers}
    by_title = {_normal(page.title): page for page in offers}
    by_url: dict[str, ActionPage] = {}
    for page in offers:
        for url in (page.website, page.registration_url):
            if url:
                by_url.setdefault(url.rstrip("/"), page)
        for session in _latest(page).sessions.all():
            if session.registration_url:
                by_url.setdefault(session.registration_url.rstrip("/"), page)
    records = {(r.action_id, r.identifier): r for r in HarvestedSession.objects.filter(source=source)}
    by_identifier = {identifier: action_id for action_id, identifier in records}
    pages_by_id = {page.pk: page for page in offers}

    problems: list[str] = []
    planned: dict[int, list[tuple[str, dict]]] = {}
    unmatched: dict[str, list[tuple[Item, dict]]] = {}  # a proposed new offer's sessions, by its key
    seen: set[tuple[int, str]] = set()
    for item in items:
        values, errors = parse_session({**item.row, "identifier": item.identifier})
        label = item.title or item.slug or item.identifier
        if errors:
            problems.append(f"Sessie ‘{label}’ ({item.identifier}): {'; '.join(errors)}.")
            continue
        page = (
            pages_by_id.get(by_identifier.get(item.identifier))
            or by_slug.get(item.slug)
            or next((by_url[u.rstrip("/")] for u in item.urls if u.rstrip("/") in by_url), None)
            or by_title.get(_normal(item.title))
        )
        if page is None and item.title.strip():
            unmatched.setdefault(_offer_key(item), []).append((item, values))
            continue
        if page is None:
            report.counts["niet_gekoppeld"] += 1
            report.messages.append(
                f"Niet gekoppeld: ‘{label}’ ({values['start']:%d/%m/%Y}): geen aanbod van "
                f"{source.actor.title} met deze slug, en geen naam om nieuw aanbod voor te stellen."
            )
            continue
        if (page.pk, item.identifier) in seen:
            problems.append(f"Sessie ‘{label}’: id {item.identifier} komt twee keer voor.")
            continue
        seen.add((page.pk, item.identifier))
        planned.setdefault(page.pk, []).append((item.identifier, values))
    if problems:
        raise HarvestError("De bron bevat fouten; er is niets ingelezen. " + " ".join(problems[:10]))

    for page_id in set(planned) | {action_id for action_id, _ in records}:
        page = pages_by_id.get(page_id)
        if page is not None:
            _apply_to_offer(source, page, planned.get(page_id, []), records, report, user)
    for sessions in unmatched.values():
        _propose_offer(source, sessions, report, user)


def _offer_key(item: Item) -> str:
    """The sessions of one unknown offer: those with the same name (a session's own URL often differs)."""
    return _normal(item.title)


def _propose_offer(source: HarvestSource, sessions: list[tuple[Item, dict]], report: RunReport, user) -> None:
    """A new offer as an unpublished draft in the review workflow, never published by the harvester."""
    parent = offers_index()
    first, _ = min(sessions, key=lambda pair: pair[1]["start"])
    title = first.title.strip()[:255]
    identifiers = [item.identifier for item, _ in sessions]
    if set(identifiers) & set(source.proposed):
        report.counts["niet_gekoppeld"] += len(sessions)
        report.messages.append(
            f"Niet gekoppeld: ‘{title}’ werd al eens voorgesteld als nieuw aanbod en door de redactie "
            "verwijderd; maak het aanbod zelf aan als het toch moet."
        )
        return
    if parent is None:
        report.counts["niet_gekoppeld"] += len(sessions)
        report.messages.append(
            f"Niet gekoppeld: ‘{title}’: er is geen overzicht van aanbod om het onder te zetten."
        )
        return
    offer_urls = [url for url in first.urls if len(url) <= 200]
    page = ActionPage(
        title=title,
        website=offer_urls[0] if offer_urls else "",
        summary=f"Aanbod van {source.actor.title}, gevonden in hun agenda; de redactie vult het nog aan.",
        editor_notes=(
            f"Voorgesteld door de oogster uit bron ‘{source.name}’ ({source.url}). Kijk de titel na, "
            "vul beschrijving en taxonomie aan, en publiceer pas daarna."
        ),
    )
    page.organisers = [source.actor]
    page.sessions = [
        session_from(values, sort_order=index)
        for index, (_, values) in enumerate(sorted(sessions, key=lambda pair: pair[1]["start"]))
    ]
    add_offer_draft(page, parent, user=user, log_action=True)
    for item, values in sessions:
        HarvestedSession.objects.create(
            source=source, action=page, identifier=item.identifier, digest=digest(values)
        )
    source.proposed = [*source.proposed, *identifiers]
    HarvestSource.objects.filter(pk=source.pk).update(
        proposed=source.proposed
    )  # with the draft, or not at all
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    report.counts["nieuw"] += len(sessions)
    report.proposed.append(title)
    report.messages.append(
        f"Nieuw aanbod voorgesteld (concept ter controle): ‘{title}’ met {len(sessions)} "
        f"{'sessie' if len(sessions) == 1 else 'sessies'}, eerste op {_first_start(sessions):%d/%m/%Y}."
    )


def _first_start(sessions: list[tuple[Item, dict]]) -> datetime.datetime:
    return timezone.localtime(min(values["start"] for _, values in sessions))


def _latest(page):
    return page.get_latest_revision_as_object() if page.latest_revision_id else page


def _apply_to_offer(source, page, planned, records, report, user) -> None:
    draft = _latest(page)
    sessions = list(draft.sessions.all())
    by_identifier = {session.identifier: session for session in sessions if session.identifier}
    changed = False
    now = timezone.now()
    in_feed = set()
    for identifier, values in planned:
        in_feed.add(identifier)
        record = records.get((page.pk, identifier))
        session = by_identifier.get(identifier)
        if session is None:
            if record is not None:  # harvested before and deleted by an editor: respect that
                report.counts["handmatig"] += 1
                continue
            sessions.append(session_from(values, sort_order=len(sessions)))
            report.counts["nieuw"] += 1
            changed = True
        else:
            current = session_values(session)
            if current == values:
                report.counts["ongewijzigd"] += 1
            elif record is not None and digest(current) != record.digest:
                report.counts["handmatig"] += 1  # an editor changed it since: never overwritten
                report.messages.append(
                    f"‘{page.title}’ {session.start:%d/%m/%Y}: door de redactie aangepast, niet overschreven."
                )
                continue
            else:
                for name, value in values.items():
                    setattr(session, name, value)
                report.counts["gewijzigd"] += 1
                changed = True
        HarvestedSession.objects.update_or_create(
            source=source, action=page, identifier=identifier, defaults={"digest": digest(values)}
        )
    for (action_id, identifier), record in records.items():
        session = by_identifier.get(identifier)
        if action_id != page.pk or identifier in in_feed or session is None:
            continue
        if session.status == "geannuleerd" or session.start < now:
            continue
        if digest(session_values(session)) != record.digest:
            continue  # changed by an editor: the editor decides
        session.status = "geannuleerd"  # gone from the provider's feed: closed
        record.digest = digest(session_values(session))
        record.save(update_fields=["digest"])
        report.counts["gesloten"] += 1
        changed = True
    if not changed:
        return
    live_ok = source.trust == HarvestSource.Trust.LIVE and may_go_live(page, user)  # a Redacteur: review
    save_sessions(page, draft, sessions, user, publish=live_ok, report=report, unattended=True)


def harvest_all(source_id: int | None = None, user=None) -> list[RunReport]:
    sources = HarvestSource.objects.filter(active=True).select_related("actor")
    if source_id is not None:
        sources = HarvestSource.objects.filter(pk=source_id).select_related("actor")
    return [harvest(source, user=user) for source in sources]
