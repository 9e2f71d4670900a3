"""The starter concept "Digicoach" listed roles (ICT coordinator, i-coach, mediacoach) as other names
for the pillar, so "opleiding tot ict-coördinator" lifted every fiche of the Digicoach pillar, the
mediacoach training included, above the ICT coordinator's own fiches. A role is a narrower concept,
not another name: the roles leave its labels (the query's own words and the editors' synonyms find
them). Only a Digicoach concept the editors left as it was is changed."""

from django.db import migrations

OLD_LABELS = ["ict-coördinator", "i-coach", "mediacoach", "ict-coach", "digitale coach"]
NEW_LABELS = ["digitale coach", "digicoaching", "digitale ondersteuning op school"]


def without_roles(apps, schema_editor):
    concept_model = apps.get_model("search", "Concept")
    digicoach = concept_model.objects.filter(preferred_label="Digicoach").first()
    if digicoach is not None and digicoach.alternative_labels.split("\n") == OLD_LABELS:
        digicoach.alternative_labels = "\n".join(NEW_LABELS)
        digicoach.save(update_fields=["alternative_labels"])


class Migration(migrations.Migration):
    dependencies = [("search", "0013_fulltext_fields")]

    operations = [migrations.RunPython(without_roles, migrations.RunPython.noop)]
