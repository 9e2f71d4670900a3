"""Synthetic fiches for benchmarks: realistic Dutch text and taxonomies, created in bulk.

Pages are inserted with bulk statements (tree paths computed here) rather than one `add_child` each,
so 50,000 fiches take minutes, not hours. Only benchmarks use this.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from actors.models import ActionIndexPage, ActionPage
from portal.site_tree import ensure_site_tree
from portal.taxonomy import (
    Audience,
    DigCompEduArea,
    DigCompEduCompetence,
    EducationNetwork,
    Pillar,
    ProfessionalisationForm,
    ProficiencyLevel,
    SchoolLevel,
)

SLUG_PREFIX = "bench-"
TOPICS = [
    "programmeren",
    "robotica",
    "mediawijsheid",
    "nepnieuws",
    "privacy",
    "cyberpesten",
    "digitaal toetsen",
    "leerplatform",
    "computationeel denken",
    "3D-printen",
    "makerspace",
    "artificiële intelligentie",
    "chatbots",
    "beeldvorming",
    "online samenwerken",
    "flipped classroom",
    "feedback",
    "differentiatie",
    "inclusie",
    "leesvaardigheid",
    "wiskunde",
    "STEM",
    "taalonderwijs",
    "podcasts",
    "video",
    "sociale media",
    "gegevensbescherming",
    "informatievaardigheden",
    "ICT-beleid",
    "zelfevaluatie",
    "digitale geletterdheid",
]
FORMS = [
    "webinar",
    "cursus",
    "opleiding",
    "traject",
    "nascholing",
    "workshop",
    "studiedag",
    "leerpad",
    "netwerk",
]
AUDIENCES = [
    "leerkrachten",
    "ICT-coördinatoren",
    "directies",
    "lerarenopleiders",
    "schoolteams",
    "begeleiders",
]
LEVELS = [
    "kleuteronderwijs",
    "lager onderwijs",
    "secundair onderwijs",
    "volwassenenonderwijs",
    "buitengewoon onderwijs",
]
SENTENCES = [
    "Deze {form} helpt {audience} om {topic} doelgericht in te zetten in het {level}.",
    "Deelnemers verkennen hoe {topic} en {topic2} de klaspraktijk versterken.",
    "De {form} combineert korte inleidingen met oefeningen rond {topic}.",
    "Na afloop kunnen {audience} zelfstandig lessen over {topic} ontwerpen en evalueren.",
    "Er is aandacht voor de digitale competenties van leerlingen en voor {topic2}.",
    "Scholen krijgen begeleiding op maat en delen ervaringen in een lerend netwerk.",
    "Het aanbod sluit aan bij de eindtermen en bij het professionaliseringsbeleid van de school.",
    "Coaches ondersteunen {audience} bij de eerste stappen met {topic}.",
]


def sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        form=rng.choice(FORMS),
        audience=rng.choice(AUDIENCES),
        topic=rng.choice(TOPICS),
        topic2=rng.choice(TOPICS),
        level=rng.choice(LEVELS),
    )


def existing_count() -> int:
    return ActionPage.objects.filter(slug__startswith=SLUG_PREFIX).count()


@transaction.atomic
def create_fiches(count: int, seed: int = 42, batch_size: int = 1000, progress=print) -> int:
    """Add synthetic action fiches until there are `count` of them. Returns how many were added."""
    rng = random.Random(seed + existing_count())
    have = existing_count()
    if have >= count:
        return 0
    parent = ensure_site_tree().index_for(ActionIndexPage)
    content_type = ContentType.objects.get_for_model(ActionPage)
    locale = Locale.get_default()
    terms = _terms()
    now = timezone.now()
    next_step = _last_child_step(parent) + 1
    added = 0
    while have + added < count:
        size = min(batch_size, count - have - added)
        pages = []
        for offset in range(size):
            number = have + added + offset + 1
            topic = rng.choice(TOPICS)
            title = f"{rng.choice(FORMS).capitalize()} {topic} {number}"
            slug = f"{SLUG_PREFIX}{number}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=ActionPage._get_path(parent.path, parent.depth + 1, next_step + added + offset),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    first_published_at=now - datetime.timedelta(minutes=number),
                    last_published_at=now - datetime.timedelta(minutes=number),
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )
            )
        Page.objects.bulk_create(pages)
        if pages[0].pk is None:  # backends without RETURNING: read the ids back
            ids = dict(
                Page.objects.filter(slug__in=[p.slug for p in pages], depth=parent.depth + 1).values_list(
                    "slug", "pk"
                )
            )
            for page in pages:
                page.pk = page.id = ids[page.slug]
        _insert_action_rows(pages, rng)
        _insert_relations(pages, terms, rng)
        added += size
        progress(f"  synthetic fiches: {have + added}/{count}")
    # Not parent.get_children(): treebeard answers "no children" while numchild is still 0.
    children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    Page.objects.filter(pk=parent.pk).update(numchild=children)
    return added


def _last_child_step(parent) -> int:
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    return ActionPage._str2int(last[-ActionPage.steplen :]) if last else 0


def _insert_action_rows(pages, rng: random.Random) -> None:
    """One row per page in the action table: chosen values for the text fields, every other column
    its model default (so a new field never breaks the benchmark)."""
    fields = [f for f in ActionPage._meta.local_concrete_fields if not f.primary_key]
    rows = []
    for page in pages:
        body = " ".join(sentence(rng) for _ in range(rng.randint(4, 9)))
        chosen = {
            "summary": sentence(rng),
            "last_reviewed": datetime.date(2024, 1, 1),
            "description": body,
            "goal": sentence(rng),
            "audience_text": rng.choice(AUDIENCES),
            "approach": " ".join(sentence(rng) for _ in range(2)),
            "cost": rng.choice(["gratis", "betalend", ""]),
            "self_paced": rng.random() < 0.5,
            "for_pupils": rng.random() < 0.2,
        }
        values = [page.pk]
        for field in fields:
            value = chosen[field.name] if field.name in chosen else field.get_default()
            values.append(field.get_db_prep_save(value, connection))
        rows.append(values)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in [ActionPage._meta.pk, *fields])
    marks = ", ".join(["%s"] * (len(fields) + 1))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {ActionPage._meta.db_table} ({columns}) VALUES ({marks})", rows)


def _terms() -> dict:
    return {
        "digcompedu_areas": list(DigCompEduArea.objects.all()),
        "digcompedu_competences": list(DigCompEduCompetence.objects.select_related("area")),
        "pillars": list(Pillar.objects.all()),
        "school_levels": list(SchoolLevel.objects.all()),
        "audiences": list(Audience.objects.all()),
        "networks": list(EducationNetwork.objects.all()),
        "forms": list(ProfessionalisationForm.objects.all()),
        "levels": list(ProficiencyLevel.objects.all()),
    }


def _insert_relations(pages, terms: dict, rng: random.Random) -> None:
    links: dict[str, list] = {name: [] for name in terms}
    for page in pages:
        competences = rng.sample(terms["digcompedu_competences"], rng.randint(1, 3))
        chosen = {
            "digcompedu_competences": competences,
            "digcompedu_areas": list({c.area for c in competences}),
            "pillars": rng.sample(terms["pillars"], rng.randint(1, 2)),
            "school_levels": rng.sample(terms["school_levels"], rng.randint(1, 3)),
            "audiences": rng.sample(terms["audiences"], rng.randint(1, 2)),
            "networks": rng.sample(terms["networks"], 1),
            "forms": rng.sample(terms["forms"], 1),
            "levels": rng.sample(terms["levels"], rng.randint(1, 3)),
        }
        for name, values in chosen.items():
            links[name] += [(page.pk, value.pk) for value in values]
    for name, pairs in links.items():
        through = getattr(ActionPage, name).through
        source, target = _through_columns(through)
        through.objects.bulk_create([through(**{source: a, target: b}) for a, b in pairs], batch_size=2000)


def _through_columns(through) -> tuple[str, str]:
    fields = [f for f in through._meta.fields if f.is_relation]
    page_field = next(f for f in fields if f.related_model is ActionPage)
    other = next(f for f in fields if f is not page_field)
    return page_field.attname, other.attname
