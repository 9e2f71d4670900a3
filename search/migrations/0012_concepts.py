"""Concepts: needs in a teacher's words mapped to the taxonomy, with a starter thesaurus."""

import csv
from pathlib import Path

import django.db.models.deletion
from django.db import migrations, models

STARTER = Path(__file__).resolve().parent.parent / "data" / "concepts.csv"


def add_starter_concepts(apps, schema_editor):
    """The starter thesaurus (search/data/concepts.csv, in our own words); editors change it freely."""
    concept_model = apps.get_model("search", "Concept")
    competences = {term.code: term for term in apps.get_model("portal", "DigCompEduCompetence").objects.all()}
    pillars = {term.code: term for term in apps.get_model("portal", "Pillar").objects.all()}
    with STARTER.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            concept_model.objects.get_or_create(
                preferred_label=row["voorkeurslabel"],
                defaults={
                    "alternative_labels": "\n".join(
                        p.strip() for p in row["andere_labels"].split("|") if p.strip()
                    ),
                    "competence": competences.get(row["competentie"]),
                    "pillar": pillars.get(row["pijler"]),
                    "tags": " | ".join(p.strip() for p in row["tags"].split("|") if p.strip()),
                },
            )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_digcompedu_competence_descriptions"),
        ("search", "0011_postings"),
    ]

    operations = [
        migrations.CreateModel(
            name="Concept",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "preferred_label",
                    models.CharField(
                        help_text="Zoals een leraar het zegt, bv. ‘Differentiatie’. Verschijnt als ‘Gezocht binnen: …’.",
                        max_length=120,
                        unique=True,
                        verbose_name="voorkeurslabel",
                    ),
                ),
                (
                    "alternative_labels",
                    models.TextField(
                        blank=True,
                        help_text="Andere woorden of woordgroepen voor hetzelfde, één per regel (of gescheiden door |).",
                        verbose_name="andere labels",
                    ),
                ),
                (
                    "tags",
                    models.CharField(
                        blank=True,
                        help_text="Tags van fiches die bij dit concept horen, gescheiden door |, bv. ‘dyslexie | voorleessoftware’.",
                        max_length=300,
                        verbose_name="tags",
                    ),
                ),
                (
                    "competence",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="portal.digcompeducompetence",
                        verbose_name="DigCompEdu-competentie",
                    ),
                ),
                (
                    "pillar",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="portal.pillar",
                        verbose_name="pijler",
                    ),
                ),
            ],
            options={
                "verbose_name": "concept",
                "verbose_name_plural": "concepten",
                "ordering": ["preferred_label"],
            },
        ),
        migrations.RunPython(add_starter_concepts, migrations.RunPython.noop),
    ]
