"""The optional taxonomies.yaml of an inventory folder: codes, labels, descriptions and order.

When present (an export always writes it), loading it first makes labels and descriptions match the
install the export came from; codes not yet known are created. Without it, the taxonomies stay as
the database has them.
"""

from pathlib import Path

import yaml

from portal.taxonomy import TAXONOMY_MODELS, DigCompEduArea, DigCompEduCompetence

from .files import InventoryError

FILE_NAME = "taxonomies.yaml"
MODELS = {model.__name__: model for model in TAXONOMY_MODELS}


def read_taxonomies(data_dir: Path) -> dict | None:
    path = Path(data_dir) / FILE_NAME
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InventoryError([f"{FILE_NAME}: geen geldige YAML ({exc})"]) from exc
    errors = []
    if not isinstance(data, dict):
        raise InventoryError([f"{FILE_NAME}: verwacht een lijst per taxonomie"])
    for name, rows in data.items():
        if name not in MODELS:
            errors.append(f"{FILE_NAME}: onbekende taxonomie '{name}'")
            continue
        for position, row in enumerate(rows or [], start=1):
            if not isinstance(row, dict) or not row.get("code") or not row.get("label"):
                errors.append(f"{FILE_NAME}, {name} item {position}: 'code' en 'label' zijn verplicht")
    if errors:
        raise InventoryError(errors)
    return data


def apply_taxonomies(data: dict) -> None:
    """Create or update every term (call inside the loader's transaction)."""
    order = ["DigCompEduArea"] + [name for name in data if name != "DigCompEduArea"]
    for name in order:
        model = MODELS[name]
        for row in data.get(name) or []:
            values = {
                "label": row["label"],
                "description": row.get("description") or "",
                "sort_order": row.get("sort_order") or 0,
            }
            if model is DigCompEduCompetence:
                area = DigCompEduArea.objects.filter(code=str(row.get("area"))).first()
                if area is None:
                    raise InventoryError(
                        [f"{FILE_NAME}: competentie {row['code']} verwijst naar onbekend domein"]
                    )
                values["area"] = area
            model.objects.update_or_create(code=str(row["code"]), defaults=values)
