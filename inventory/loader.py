"""Load the inventory files into the page tree and publish them, in one transaction.

A second run creates nothing. An entry whose data changed is updated only while its page still holds
what the loader published last; a page that an editor has changed since is left alone unless `force`.
"""

import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from portal.provenance import REPORT_DATE
from portal.site_tree import ensure_site_tree
from portal.taxonomy import DigCompEduArea, DigCompEduCompetence

from .files import DEFAULT_DATA_DIR, Entry, InventoryError, read_entries
from .models import LoadedEntry
from .schema import KINDS, LINK_FIELDS
from .session_rows import parse_session, session_from
from .taxonomy_file import apply_taxonomies, read_taxonomies
from .validation import validate


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # changed by an editor since the last load

    @property
    def skipped(self) -> list[str]:
        return self.unchanged + self.kept


def load_inventory(
    data_dir: Path = DEFAULT_DATA_DIR, force: bool = False, progress: Callable[[str], None] = lambda _: None
) -> LoadReport:
    entries = read_entries(Path(data_dir))
    taxonomies = read_taxonomies(Path(data_dir))
    with transaction.atomic():  # an error anywhere below leaves the database as it was
        if taxonomies:
            apply_taxonomies(taxonomies)
        errors = validate(entries)
        if errors:
            raise InventoryError(errors)
        return _Writer(force, progress).write(entries)


class _Writer:
    def __init__(self, force: bool, progress: Callable[[str], None]):
        self.force = force
        self.progress = progress
        self.report = LoadReport()
        self.pages: dict[tuple[str, str], object] = {}  # (kind name, slug) -> page
        self.taxonomy = _TaxonomyLookup()

    def write(self, entries: dict[str, list[Entry]]) -> LoadReport:
        tree = ensure_site_tree()
        records = {(r.kind, r.slug): r for r in LoadedEntry.objects.all()}
        for kind in KINDS:
            parent = tree.index_for(kind.index_model)
            existing = {page.slug: page for page in kind.model.objects.child_of(parent)}
            total = len(entries[kind.name])
            for number, entry in enumerate(entries[kind.name], start=1):
                self._write_entry(
                    entry, parent, existing.get(entry.slug), records.get((kind.name, entry.slug))
                )
                if number == total or number % 10 == 0:
                    self.progress(f"{kind.model._meta.verbose_name_plural}: {number}/{total}")
        return self.report

    def _write_entry(self, entry: Entry, parent, page, record: LoadedEntry | None) -> None:
        digest = _digest(entry.data)
        name = f"{entry.kind.name}/{entry.slug}"
        if page is None:
            page = entry.kind.model(slug=entry.slug, live=False)
            self._fill(page, entry)
            parent.add_child(instance=page)
            self.report.created.append(name)
        elif record and record.digest == digest and not self.force:
            self.pages[(entry.kind.name, entry.slug)] = page
            self.report.unchanged.append(name)
            return
        elif not self.force and (record is None or page.latest_revision_id != record.revision_id):
            self.pages[(entry.kind.name, entry.slug)] = page
            self.report.kept.append(name)
            return
        else:
            self._fill(page, entry)
            self.report.updated.append(name)
        revision = page.save_revision()
        revision.publish()
        # The content is the report's, not ours of today: the fiche shows its source, not a load date.
        type(page).objects.filter(pk=page.pk).update(content_updated_at=None)
        self.pages[(entry.kind.name, entry.slug)] = page
        LoadedEntry.objects.update_or_create(
            kind=entry.kind.name,
            slug=entry.slug,
            defaults={"page": page, "digest": digest, "revision_id": revision.pk},
        )

    def _fill(self, page, entry: Entry) -> None:
        kind, data = entry.kind, entry.data
        page.title = str(data["title"]).strip()
        page.summary = _text(data.get("summary"))
        page.source_reference = _text(data.get("source"))
        page.last_reviewed = _date(data.get("last_reviewed")) or REPORT_DATE
        for key, field_name in kind.text_fields.items():
            setattr(page, field_name, _text(data.get(key)))
        for key, field_name in kind.value_fields.items():
            default = page._meta.get_field(field_name).get_default()
            value = data.get(key)
            if field_name.endswith("_date"):
                value = _date(value)
            setattr(page, field_name, default if value is None else value)
        areas, competences = self.taxonomy.digcompedu(data.get("digcompedu") or [])
        page.digcompedu_areas = areas
        page.digcompedu_competences = competences
        for key, (field_name, model) in kind.taxonomy_keys.items():
            setattr(page, field_name, self.taxonomy.terms(model, data.get(key) or []))
        page.tags.set([str(tag).strip() for tag in data.get("tags") or []])
        if kind.has_swot:
            page.set_swot(data.get("swot"))
        if kind.has_sessions:
            page.sessions = [
                session_from(parse_session(session)[0], order)
                for order, session in enumerate(data.get("sessions") or [])
            ]
        for key, target_kind in kind.link_keys.items():
            targets = [self.pages[(target_kind, slug)] for slug in _as_list(data.get(key))]
            field_name = LINK_FIELDS[(kind.name, key)]
            if page._meta.get_field(field_name).many_to_many:
                setattr(page, field_name, targets)
            else:
                setattr(page, field_name, targets[0] if targets else None)


class _TaxonomyLookup:
    """Taxonomy terms by code, fetched once per model."""

    def __init__(self):
        self._cache: dict[type, dict[str, object]] = {}

    def terms(self, model, codes) -> list:
        if model not in self._cache:
            self._cache[model] = {term.code: term for term in model.objects.all()}
        return [self._cache[model][str(code)] for code in codes]

    def digcompedu(self, codes) -> tuple[list, list]:
        """Split codes into areas and competences; a competence brings its area along."""
        competence_codes = [str(c) for c in codes if "." in str(c)]
        competences = self.terms(DigCompEduCompetence, competence_codes)
        area_codes = {str(c) for c in codes if "." not in str(c)} | {
            c.split(".")[0] for c in competence_codes
        }
        return self.terms(DigCompEduArea, sorted(area_codes)), competences


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def _digest(data: dict) -> str:
    canonical = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
