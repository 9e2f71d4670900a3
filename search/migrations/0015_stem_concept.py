"""A starter concept for STEM (science, technology, engineering, maths: a theme of its own in Flemish
schools, tagged "stem" and "steam" on the fiches), written in our own words. Robotics moves to it from
"Programmeren": a robot kit is as much technique as code. Only a "Programmeren" the editors left as
it was is changed; an existing "STEM" concept stays as the editors made it."""

from django.db import migrations

OLD_PROGRAMMING = ["coderen", "coding", "codeerclub", "scratch", "algoritmes", "robotica"]
STEM_LABELS = [
    "stem-onderwijs",
    "steam",
    "wetenschap en techniek",
    "techniek",
    "robotica",
    "robots",
    "wetenschappen",
]


def add_stem(apps, schema_editor):
    concept_model = apps.get_model("search", "Concept")
    programming = concept_model.objects.filter(preferred_label="Programmeren").first()
    if programming is not None and programming.alternative_labels.split("\n") == OLD_PROGRAMMING:
        programming.alternative_labels = "\n".join(OLD_PROGRAMMING[:-1])
        programming.save(update_fields=["alternative_labels"])
    concept_model.objects.get_or_create(
        preferred_label="STEM",
        defaults={"alternative_labels": "\n".join(STEM_LABELS), "tags": "stem | steam"},
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0014_split_digicoach_concept")]

    operations = [migrations.RunPython(add_stem, migrations.RunPython.noop)]
