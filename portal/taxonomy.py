"""The portal's taxonomies: editor-managed snippets with a stable code and an editable Dutch label.

Filters, URLs and the inventory files use the code; visitors see the label. Editors may rename a
label at any time; a code never changes once content refers to it.
"""

from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

CODE_VALIDATOR = RegexValidator(
    r"^[a-z0-9A-Z][a-zA-Z0-9.-]*$", "Een code bestaat uit letters, cijfers, punten en streepjes."
)


class Term(index.Indexed, models.Model):
    code = models.CharField(
        "code",
        max_length=40,
        unique=True,
        validators=[CODE_VALIDATOR],
        help_text="Stabiele code voor filters en links (bv. 'aanbod' of '2.1'). Niet wijzigen als er inhoud naar verwijst.",
    )
    label = models.CharField("label", max_length=120)
    description = models.TextField("omschrijving", blank=True)
    sort_order = models.PositiveSmallIntegerField("volgorde", default=0)

    panels = [FieldPanel("code"), FieldPanel("label"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label"), index.FilterField("code")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.label


class DigCompEduArea(Term):
    """One of the six areas of the European DigCompEdu framework; the code is "1".."6"."""

    class Meta(Term.Meta):
        verbose_name = "DigCompEdu-domein"
        verbose_name_plural = "DigCompEdu-domeinen"

    def __str__(self) -> str:
        return f"{self.code}. {self.label}"


class DigCompEduCompetence(Term):
    """One of the 22 competences; the code is "<area>.<n>", e.g. "2.1"."""

    area = models.ForeignKey(
        DigCompEduArea, on_delete=models.PROTECT, related_name="competences", verbose_name="domein"
    )

    panels = Term.panels + [FieldPanel("area")]

    class Meta(Term.Meta):
        verbose_name = "DigCompEdu-competentie"
        verbose_name_plural = "DigCompEdu-competenties"

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class ProficiencyLevel(Term):
    """A DigCompEdu proficiency level, A1 (Nieuwkomer) to C2 (Pionier)."""

    class Meta(Term.Meta):
        verbose_name = "competentieniveau"
        verbose_name_plural = "competentieniveaus"

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class Pillar(Term):
    """A pillar of the action programme (working names; editors rename them)."""

    class Meta(Term.Meta):
        verbose_name = "pijler"
        verbose_name_plural = "pijlers"


class SchoolLevel(Term):
    class Meta(Term.Meta):
        verbose_name = "onderwijsniveau"
        verbose_name_plural = "onderwijsniveaus"


class Audience(Term):
    class Meta(Term.Meta):
        verbose_name = "doelgroep"
        verbose_name_plural = "doelgroepen"


class ProfessionalisationForm(Term):
    class Meta(Term.Meta):
        verbose_name = "vorm van professionalisering"
        verbose_name_plural = "vormen van professionalisering"


class EindtermBlock(Term):
    """A building block of the eindtermen for pupils' digital competence."""

    class Meta(Term.Meta):
        verbose_name = "eindtermen-bouwsteen"
        verbose_name_plural = "eindtermen-bouwstenen"


class EducationNetwork(Term):
    """An onderwijsnet (GO!, Katholiek Onderwijs Vlaanderen, ...)."""

    class Meta(Term.Meta):
        verbose_name = "onderwijsnet"
        verbose_name_plural = "onderwijsnetten"


# Every taxonomy, in the order the admin menu and the fiches show them.
TAXONOMY_MODELS = [
    DigCompEduArea,
    DigCompEduCompetence,
    ProficiencyLevel,
    Pillar,
    SchoolLevel,
    Audience,
    ProfessionalisationForm,
    EindtermBlock,
    EducationNetwork,
]
