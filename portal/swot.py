"""The SWOT: one structure for partner groups and good practices.

Four quadrants, each an ordered list of short points. Each quadrant has a stable anchor id so a link
can point at one ("the opportunities of the PBD": .../pbd/#kansen).
"""

from dataclasses import dataclass

from django.db import models
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.search import index

# (key in the data and anchor id, Dutch heading); old links to #opportuniteiten still land on kansen
OLD_ANCHORS = {"opportuniteiten": "kansen"}
# (key in the data and anchor id, Dutch heading)
QUADRANTS = [
    ("sterkten", "Sterkten"),
    ("zwakten", "Zwakten"),
    ("kansen", "Kansen"),  # the report says "opportuniteiten"; one word for heading and anchor
    ("bedreigingen", "Bedreigingen"),
]
QUADRANT_KEYS = [key for key, _ in QUADRANTS]


class SwotBlock(blocks.StructBlock):
    sterkten = blocks.ListBlock(blocks.CharBlock(label="punt"), label="Sterkten", default=[])
    zwakten = blocks.ListBlock(blocks.CharBlock(label="punt"), label="Zwakten", default=[])
    kansen = blocks.ListBlock(blocks.CharBlock(label="punt"), label="Kansen", default=[])
    bedreigingen = blocks.ListBlock(blocks.CharBlock(label="punt"), label="Bedreigingen", default=[])

    class Meta:
        icon = "table"
        label = "SWOT"


def swot_field() -> StreamField:
    return StreamField(
        [("swot", SwotBlock())],
        max_num=1,
        blank=True,
        verbose_name="SWOT",
        help_text="Voeg één SWOT-blok toe.",
    )


@dataclass(frozen=True)
class Quadrant:
    key: str
    heading: str
    points: list[str]


class SwotMixin(models.Model):
    """A page with a `swot` field: gives templates, search and exports the quadrants in order."""

    swot = swot_field()

    search_fields = [index.SearchField("swot_text")]

    class Meta:
        abstract = True

    @property
    def swot_data(self) -> dict[str, list[str]] | None:
        if not self.swot:
            return None
        value = self.swot[0].value
        return {key: [str(point) for point in value.get(key) or []] for key in QUADRANT_KEYS}

    @property
    def swot_quadrants(self) -> list[Quadrant]:
        data = self.swot_data
        if data is None:
            return []
        return [Quadrant(key, heading, data[key]) for key, heading in QUADRANTS]

    def swot_text(self) -> str:
        data = self.swot_data or {}
        return "\n".join(point for points in data.values() for point in points)

    def set_swot(self, data: dict[str, list[str]] | None) -> None:
        """Replace the SWOT with the given quadrant lists (None or empty removes it)."""
        if not data or not any(data.get(key) for key in QUADRANT_KEYS):
            self.swot = []
            return
        self.swot = [("swot", {key: list(data.get(key) or []) for key in QUADRANT_KEYS})]
