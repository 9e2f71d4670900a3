"""Bulk import of sessions from a provider's feed (CSV or JSON), for `manage.py import_sessions` and
the admin upload. One row per session, in the columns of inventory/session_rows.py plus `action` (the
action's slug); `identifier` (the provider's own session id) is required, so a second run of the same
file changes nothing and a changed row updates its session instead of adding one.

Every row is checked first; with any error nothing is written. Otherwise all changes are written in
one transaction: per action one new revision, published when the action was live without pending
changes and the importing account may publish, else kept as a draft and submitted to the page's
workflow (as a page edit would be), so an Eindredacteur sees it.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from actors.models import ActionPage
from portal.hygiene import BadInput, load_json, refuse_bad_text

from .session_rows import KEYS, parse_session, session_from, session_values

MAX_FILE_SIZE = 5 * 1024 * 1024
COLUMNS = ["action", *KEYS]


class SessionImportError(Exception):
    """The file cannot be read at all (format, encoding, size)."""


@dataclass
class Line:
    number: int  # the line in the CSV file (header = 1), or the position in the JSON list
    action: str
    identifier: str
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    change: str = ""  # nieuw | gewijzigd | ongewijzigd


@dataclass
class ImportPlan:
    lines: list[Line]

    @property
    def errors(self) -> list[Line]:
        return [line for line in self.lines if line.errors]

    @property
    def ok(self) -> bool:
        return bool(self.lines) and not self.errors

    def count(self, change: str) -> int:
        return sum(1 for line in self.lines if line.change == change)

    @property
    def summary(self) -> str:
        return (
            f"{self.count('nieuw')} nieuw, {self.count('gewijzigd')} gewijzigd, "
            f"{self.count('ongewijzigd')} ongewijzigd"
        )


@dataclass
class ImportReport:
    published: list[str] = field(default_factory=list)  # action titles
    drafts: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def read_rows(content: bytes, filename: str = "") -> list[tuple[int, dict]]:
    if len(content) > MAX_FILE_SIZE:
        raise SessionImportError(
            f"Het bestand is te groot; het maximum is {MAX_FILE_SIZE // 1024 // 1024} MB."
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SessionImportError(
            "Het bestand is geen UTF-8-tekst. Bewaar het als CSV (UTF-8) of JSON."
        ) from exc
    try:
        refuse_bad_text(text)
    except BadInput as exc:
        raise SessionImportError(str(exc)) from exc
    if not text.strip():
        raise SessionImportError("Het bestand is leeg.")
    if filename.lower().endswith(".json") or text.lstrip()[:1] in "[{":
        return _json_rows(text)
    return _csv_rows(text)


def _json_rows(text: str) -> list[tuple[int, dict]]:
    try:
        data = load_json(text, max_bytes=MAX_FILE_SIZE, where="Het JSON-bestand")
    except BadInput as exc:
        raise SessionImportError(str(exc)) from exc
    if isinstance(data, dict):
        data = data.get("sessions")
    if not isinstance(data, list):
        raise SessionImportError('Verwacht een JSON-lijst van sessies, of {"sessions": [...]}.')
    return [(number, row) for number, row in enumerate(data, start=1)]


def _csv_rows(text: str) -> list[tuple[int, dict]]:
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in ("action", "identifier", "startDate") if name not in header]
    if missing:
        raise SessionImportError(
            f"De kolom(men) {', '.join(missing)} ontbreken in de eerste regel. Kolommen: {', '.join(COLUMNS)}."
        )
    rows = []
    for row in reader:
        clean = {(key or "").strip(): (value or "").strip() for key, value in row.items() if key is not None}
        if None in row:
            clean["__extra__"] = "ja"
        if any(clean.values()):
            rows.append((reader.line_num, clean))
    return rows


def plan_import(rows: list[tuple[int, dict]]) -> ImportPlan:
    slugs = {str(row.get("action", "")).strip() for _number, row in rows if isinstance(row, dict)}
    actions = {page.slug: page for page in ActionPage.objects.filter(slug__in=slugs)}
    existing = _current_sessions(actions.values())
    seen: set[tuple[str, str]] = set()
    lines = []
    for number, row in rows:
        if not isinstance(row, dict):
            lines.append(Line(number, "", "", errors=["een sessie moet sleutels en waarden hebben"]))
            continue
        slug = str(row.get("action") or "").strip()
        values, errors = parse_session({k: v for k, v in row.items() if k not in ("action", "__extra__")})
        if "__extra__" in row:
            errors.append("meer waarden dan kolommen")
        line = Line(number, slug, values.get("identifier", ""), values, errors)
        if not slug:
            line.errors.insert(0, "'action' (de slug van de actie) ontbreekt")
        elif slug not in actions:
            line.errors.insert(0, f"onbekende actie '{slug}'")
        if not line.identifier:
            line.errors.append("'identifier' (jullie eigen id van de sessie) ontbreekt")
        elif (slug, line.identifier) in seen:
            line.errors.append(f"identifier '{line.identifier}' komt al eerder voor bij deze actie")
        seen.add((slug, line.identifier))
        if not line.errors:
            current = existing.get(slug, {}).get(line.identifier)
            if current is None:
                line.change = "nieuw"
            else:
                line.change = "ongewijzigd" if session_values(current) == values else "gewijzigd"
        lines.append(line)
    return ImportPlan(lines)


def _current_sessions(actions) -> dict[str, dict[str, object]]:
    """{action slug: {identifier: session}} as the latest revision holds them (drafts included)."""
    return {
        page.slug: {s.identifier: s for s in _latest(page).sessions.all() if s.identifier} for page in actions
    }


def _latest(page):
    return page.get_latest_revision_as_object() if page.latest_revision_id else page


def apply_import(plan: ImportPlan, user=None) -> ImportReport:
    if not plan.ok:
        raise SessionImportError("Er zijn fouten in het bestand; er is niets ingelezen.")
    report = ImportReport(
        created=plan.count("nieuw"), updated=plan.count("gewijzigd"), unchanged=plan.count("ongewijzigd")
    )
    changed: dict[str, list[Line]] = {}
    for line in plan.lines:
        if line.change != "ongewijzigd":
            changed.setdefault(line.action, []).append(line)
    with transaction.atomic():
        for page in ActionPage.objects.filter(slug__in=changed).select_for_update():
            _apply_to(page, changed[page.slug], user, report)
    return report


def _apply_to(page, lines: list[Line], user, report: ImportReport) -> None:
    publish = may_go_live(page, user)
    draft = _latest(page)
    sessions = list(draft.sessions.all())
    by_identifier = {session.identifier: session for session in sessions if session.identifier}
    for line in lines:
        session = by_identifier.get(line.identifier)
        if session is None:
            sessions.append(session_from(line.values, sort_order=len(sessions)))
        else:
            for name, value in line.values.items():
                setattr(session, name, value)
    save_sessions(page, draft, sessions, user, publish=publish, report=report)


def may_go_live(page, user) -> bool:
    """New sessions may be published at once: the page is live with nothing pending, and the user (if
    any: the command line and the scheduler have none) may publish it. Otherwise they go to review."""
    live = page.live and not page.has_unpublished_changes
    return live and (user is None or page.permissions_for_user(user).can_publish())


def save_sessions(page, draft, sessions, user, *, publish: bool, report, unattended: bool = False) -> None:
    """Save `draft` (the page's latest revision as an object) with `sessions` as a new revision, logged:
    published when `publish`, else a draft submitted for review. The import and the harvest share it."""
    draft.sessions = sessions
    revision = draft.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        report.published.append(page.title)
    else:
        report.drafts.append(page.title)
        submit_for_review(page, user, unattended=unattended)


def submit_for_review(page, user, *, unattended: bool = False) -> None:
    """Put the new draft in the page's workflow, as "Ter controle indienen" in the editor does, so an
    Eindredacteur sees it (the dashboard, the moderation mail). Already in review: the task shows the
    latest revision. Without a user only for an unattended run (the harvest's scheduler): whoever runs
    `import_sessions` by hand decides."""
    workflow = page.get_workflow()
    if workflow is None or page.workflow_in_progress or (user is None and not unattended):
        return
    workflow.start(page, user)
