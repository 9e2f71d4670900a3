"""Write the live inventory back in the format `load_inventory` reads (one YAML file per kind, plus
the taxonomies), so content can be kept in version control and moved between installs.

Export -> load into an empty database -> export gives byte-identical files.
"""

from pathlib import Path

import yaml
from django.db.models import prefetch_related_objects

from portal.swot import QUADRANT_KEYS
from portal.taxonomy import TAXONOMY_MODELS, DigCompEduCompetence

from .schema import KINDS, LINK_FIELDS, Kind
from .session_rows import session_data
from .taxonomy_file import FILE_NAME as TAXONOMY_FILE


class _Dumper(yaml.SafeDumper):
    """Readable YAML: multi-line text as literal blocks, keys in the order the format lists them."""


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)


def export_inventory(directory: Path) -> dict[str, int]:
    """Write every kind's file and the taxonomies into `directory`; returns the counts per file."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for kind in KINDS:
        pages = list(kind.model.objects.live().order_by("path"))
        relations = ["digcompedu_areas", "digcompedu_competences", "tags"]
        relations += [field for field, _model in kind.taxonomy_keys.values()]
        relations += [LINK_FIELDS[(kind.name, key)] for key in kind.link_keys]
        relations += ["sessions"] if kind.has_sessions else []
        prefetch_related_objects(pages, *relations)
        entries = [_entry(kind, page) for page in pages]
        (directory / f"{kind.name}.yaml").write_text(dump(entries), encoding="utf-8")
        counts[kind.name] = len(entries)
    taxonomies = _taxonomies()
    (directory / TAXONOMY_FILE).write_text(dump(taxonomies), encoding="utf-8")
    counts["taxonomies"] = sum(len(values) for values in taxonomies.values())
    return counts


def _entry(kind: Kind, page) -> dict:
    entry = {
        "slug": page.slug,
        "title": page.title,
        "source": page.source_reference or None,
        "summary": page.summary,
        "last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else None,
    }
    competences = [term.code for term in page.digcompedu_competences.all()]
    implied = {code.split(".")[0] for code in competences}
    areas = [term.code for term in page.digcompedu_areas.all() if term.code not in implied]
    entry["digcompedu"] = sorted(areas + competences, key=_code_order)
    for key, (field_name, _model) in kind.taxonomy_keys.items():
        entry[key] = [term.code for term in getattr(page, field_name).all()]
    entry["tags"] = sorted(tag.name for tag in page.tags.all())
    for key, field_name in kind.text_fields.items():
        entry[key] = getattr(page, field_name) or None
    for key, field_name in kind.value_fields.items():
        value = getattr(page, field_name)
        entry[key] = value.isoformat() if hasattr(value, "isoformat") else (value if value != "" else None)
    for key in kind.link_keys:
        target = getattr(page, LINK_FIELDS[(kind.name, key)])
        if hasattr(target, "all"):
            entry[key] = sorted(linked.slug for linked in target.all() if linked.live)
        else:
            entry[key] = target.slug if target is not None and target.live else None
    if kind.has_swot:
        swot = page.swot_data
        entry["swot"] = {key: swot[key] for key in QUADRANT_KEYS} if swot else None
    if kind.has_sessions:
        entry["sessions"] = [session_data(session) for session in page.sessions.all()]
    return entry


def _code_order(code: str):
    return tuple(int(part) for part in code.split("."))


def _taxonomies() -> dict[str, list[dict]]:
    result = {}
    for model in TAXONOMY_MODELS:
        rows = []
        for term in model.objects.order_by("sort_order", "code"):
            row = {"code": term.code, "label": term.label, "description": term.description or None}
            row["sort_order"] = term.sort_order
            if model is DigCompEduCompetence:
                row["area"] = term.area.code
            rows.append(row)
        result[model.__name__] = rows
    return result
