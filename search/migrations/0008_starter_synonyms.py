"""A starter list of synonyms, written from the inventory's own vocabulary; editors change it freely."""

from django.db import migrations

STARTER = [
    "coderen, programmeren, programmeer",
    "AI, artificiële intelligentie, kunstmatige intelligentie",
    "i-coach, ict-coördinator, ict-coach",
    "leerkracht, leraar, docent",
    "mediawijsheid, mediageletterdheid",
    "computationeel denken, algoritmisch denken",
    "nascholing, professionalisering, vorming",
    "robotica, robots",
    "cyberpesten, online pesten",
    "privacy, gegevensbescherming, GDPR",
    "STEM, wetenschap en techniek",
    "digitale geletterdheid, digitale vaardigheden",
    "online leren, afstandsonderwijs, afstandsleren",
]


def add(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms in STARTER:
        Synonym.objects.get_or_create(terms=terms)


def remove(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(terms__in=STARTER).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0007_synonyms")]

    operations = [migrations.RunPython(add, remove)]
