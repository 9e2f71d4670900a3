"""Reading the inventory's YAML files into entries, with messages that name the file and the entry."""

from dataclasses import dataclass
from pathlib import Path

import yaml

from .schema import KINDS, Kind

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"


class InventoryError(Exception):
    """The inventory cannot be loaded; `errors` lists every problem found."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Entry:
    kind: Kind
    file: str
    position: int  # 1-based, as an editor counts
    data: dict

    @property
    def slug(self) -> str:
        return str(self.data.get("slug") or "")

    @property
    def label(self) -> str:
        slug = f" ({self.slug})" if self.slug else ""
        return f"{self.file}, item {self.position}{slug}"


def read_entries(data_dir: Path) -> dict[str, list[Entry]]:
    """Every kind's entries, in file order. Missing files or broken YAML raise InventoryError."""
    errors, entries = [], {}
    for kind in KINDS:
        path = Path(data_dir) / f"{kind.name}.yaml"
        entries[kind.name] = []
        if not path.is_file():
            errors.append(f"{path.name}: bestand ontbreekt in {data_dir}")
            continue
        try:
            items = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            errors.append(f"{path.name}: geen geldige YAML ({exc})")
            continue
        if items is None:
            items = []
        if not isinstance(items, list):
            errors.append(f"{path.name}: verwacht een lijst van items")
            continue
        for position, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                errors.append(f"{path.name}, item {position}: verwacht een item met sleutels")
                continue
            entries[kind.name].append(Entry(kind, path.name, position, item))
    if errors:
        raise InventoryError(errors)
    return entries
