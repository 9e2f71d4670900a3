"""The instrument as editable content: one question per DigCompEdu competence, six practice options.

Editors change the wording in the admin (Fragmenten > Zelfevaluatievragen); the 22 questions come
from a data migration. No model here holds a teacher's answers: those live only in the form and in
the result code.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from portal.taxonomy import DigCompEduCompetence

from .framework import LEVELS

OPTION_FIELDS = tuple(f"option_{level.lower()}" for level in LEVELS)


class CompetenceQuestion(models.Model):
    competence = models.OneToOneField(
        DigCompEduCompetence,
        on_delete=models.PROTECT,
        related_name="selfassessment_question",
        verbose_name="competentie",
    )
    question = models.CharField("vraag", max_length=300)
    help_text = models.TextField("toelichting", blank=True)
    option_a1 = models.TextField("antwoord A1 (Nieuwkomer)")
    option_a2 = models.TextField("antwoord A2 (Ontdekker)")
    option_b1 = models.TextField("antwoord B1 (Integrator)")
    option_b2 = models.TextField("antwoord B2 (Expert)")
    option_c1 = models.TextField("antwoord C1 (Leider)")
    option_c2 = models.TextField("antwoord C2 (Pionier)")

    panels = [
        FieldPanel("competence"),
        FieldPanel("question"),
        FieldPanel("help_text"),
        MultiFieldPanel(
            [FieldPanel(name) for name in OPTION_FIELDS],
            heading="Antwoorden: wat je in de praktijk doet, van A1 tot C2",
        ),
    ]

    class Meta:
        verbose_name = "zelfevaluatievraag"
        verbose_name_plural = "zelfevaluatievragen"
        ordering = ["competence__sort_order", "competence__code"]

    def __str__(self) -> str:
        return f"{self.competence.code} {self.question}"

    @property
    def options(self) -> list[tuple[int, str, str]]:
        """[(answer value 0..5, level code, text)]."""
        return [(i, LEVELS[i], getattr(self, name)) for i, name in enumerate(OPTION_FIELDS)]
