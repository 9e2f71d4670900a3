"""Synthetic fiches for benchmarks: all four kinds, realistic Dutch text and taxonomies, created in bulk.

Out of every 100 fiches, 70 are actions, 15 actors, 10 good practices and 5 partner groups (with
their SWOT), linked as the real ones are: actors to a partner group, actions to one or two organising
actors, good practices to actors and actions. Their text comes from `bench/vocabulary.py` (several
hundred words, Zipf-distributed). Pages are inserted with bulk statements (tree paths computed here)
rather than one `add_child` each, so 100,000 fiches take minutes, not hours. Only benchmarks use this.
"""

import datetime
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from actors.models import ActionPage, ActorPage, PartnerGroupPage
from bench.vocabulary import (
    ADJECTIVES,
    AUDIENCES,
    FORMS,
    TOPICS,
    adjective,
    noun,
    paragraph,
    sentence,
    topic,
)
from goodpractices.models import GoodPracticePage
from portal.fiche import FichePage
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

__all__ = ["TOPICS", "create_fiches", "existing_count", "KINDS"]

SLUG_PREFIX = "bench-"


@dataclass(frozen=True)
class Kind:
    model: type[FichePage]
    share: int  # out of 100
    slug: str  # bench-<slug><n>; actions keep bench-<n> (databases made before the other kinds)


# Created in this order: what a kind links to exists before it.
KINDS = [
    Kind(PartnerGroupPage, 5, "groep-"),
    Kind(ActorPage, 15, "actor-"),
    Kind(ActionPage, 70, ""),
    Kind(GoodPracticePage, 10, "praktijk-"),
]


def targets(count: int) -> dict[type, int]:
    """How many of each kind make `count` fiches (the rounding goes to the actions)."""
    wanted = {kind.model: count * kind.share // 100 for kind in KINDS}
    wanted[ActionPage] += count - sum(wanted.values())
    return wanted


def existing_count(model=None) -> int:
    if model is None:
        return sum(existing_count(kind.model) for kind in KINDS)
    kind = next(k for k in KINDS if k.model is model)
    return model.objects.filter(slug__startswith=SLUG_PREFIX + kind.slug).count()


@transaction.atomic
def create_fiches(count: int, seed: int = 42, batch_size: int = 2000, progress=print) -> int:
    """Add synthetic fiches of all four kinds until there are `count` of them. Returns how many were added."""
    rng = random.Random(seed + existing_count())
    terms = _terms()
    wanted = targets(count)
    added = 0
    for kind in KINDS:
        have = existing_count(kind.model)
        if have >= wanted[kind.model]:
            continue
        links = _link_targets(kind.model)
        parent = ensure_site_tree().index_for(apps.get_model(kind.model.parent_page_types[0]))
        creator = _Creator(kind, parent, rng, terms, links)
        while have < wanted[kind.model]:
            size = min(batch_size, wanted[kind.model] - have)
            creator.create(range(have + 1, have + size + 1))
            have += size
            added += size
            progress(f"  synthetic {kind.model._meta.verbose_name_plural}: {have}/{wanted[kind.model]}")
        # Not parent.get_children(): treebeard answers "no children" while numchild is still 0.
        children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
        Page.objects.filter(pk=parent.pk).update(numchild=children)
    return added


def _link_targets(model) -> dict[str, list[int]]:
    def ids(other):
        return list(other.objects.filter(slug__startswith=SLUG_PREFIX).values_list("pk", flat=True))

    if model is ActorPage:
        return {"groups": ids(PartnerGroupPage)}
    if model is ActionPage:
        return {"actors": ids(ActorPage)}
    if model is GoodPracticePage:
        return {"actors": ids(ActorPage), "actions": ids(ActionPage)}
    return {}


class _Creator:
    def __init__(self, kind: Kind, parent, rng: random.Random, terms: dict, links: dict):
        self.kind, self.model, self.parent, self.rng, self.terms, self.links = (
            kind,
            kind.model,
            parent,
            rng,
            terms,
            links,
        )
        self.content_type = ContentType.objects.get_for_model(self.model)
        self.locale = Locale.get_default()
        self.now = timezone.now()
        self.next_step = _last_child_step(parent) + 1

    def create(self, numbers: range) -> None:
        rng, parent = self.rng, self.parent
        pages = []
        for number in numbers:
            title = self.title(number)
            slug = f"{SLUG_PREFIX}{self.kind.slug}{number}"
            published = self.now - datetime.timedelta(minutes=number)
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=self.content_type,
                    path=self.model._get_path(parent.path, parent.depth + 1, self.next_step),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    first_published_at=published,
                    last_published_at=published,
                    locale=self.locale,
                    translation_key=uuid.uuid4(),
                )
            )
            self.next_step += 1
        Page.objects.bulk_create(pages)
        if pages[0].pk is None:  # backends without RETURNING: read the ids back
            ids = dict(
                Page.objects.filter(slug__in=[p.slug for p in pages], depth=parent.depth + 1).values_list(
                    "slug", "pk"
                )
            )
            for page in pages:
                page.pk = page.id = ids[page.slug]
        _insert_rows(self.model, [(page.pk, self.fields()) for page in pages])
        _insert_relations(self.model, pages, self.relations, rng)

    def title(self, number: int) -> str:
        rng = self.rng
        if self.model is ActionPage:
            return f"{rng.choice(FORMS).capitalize()} {topic(rng)} {number}"
        if self.model is ActorPage:
            return f"{rng.choice(['Vzw', 'Centrum', 'Expertisecentrum', 'Netwerk', 'Project'])} {noun(rng)} {number}"
        if self.model is GoodPracticePage:
            return f"{adjective(rng).capitalize()} {noun(rng)} op school {number}"
        return f"Partnergroep {topic(rng)} {number}"

    def fields(self) -> dict:
        rng = self.rng
        common = {"summary": sentence(rng), "last_reviewed": datetime.date(2024, 1, 1)}
        if self.model is ActionPage:
            return common | {
                "description": paragraph(rng, 4, 9),
                "goal": sentence(rng),
                "audience_text": rng.choice(AUDIENCES),
                "approach": paragraph(rng, 1, 3),
                "results": sentence(rng) if rng.random() < 0.5 else "",
                "cost": rng.choice(["gratis", "betalend", ""]),
                "self_paced": rng.random() < 0.5,
                "for_pupils": rng.random() < 0.2,
            }
        if self.model is ActorPage:
            return common | {
                "description": paragraph(rng, 2, 5),
                "goal": sentence(rng),
                "audience_text": rng.choice(AUDIENCES),
                "current_role": paragraph(rng, 1, 3),
                "partner_group_id": rng.choice(self.links["groups"])
                if self.links["groups"] and rng.random() < 0.7
                else None,
            }
        if self.model is GoodPracticePage:
            return common | {
                "what": paragraph(rng, 1, 3),
                "why_inspiring": paragraph(rng, 1, 2),
                "body": paragraph(rng, 3, 7),
                "swot": self.swot() if rng.random() < 0.5 else None,
            }
        return common | {"role": paragraph(rng, 2, 4), "swot": self.swot()}

    def swot(self) -> dict:
        rng = self.rng
        point = lambda: f"{rng.choice(ADJECTIVES).capitalize()} {noun(rng)} en {noun(rng)}"  # noqa: E731
        return {
            key: [point() for _ in range(rng.randint(1, 4))]
            for key in ("sterkten", "zwakten", "kansen", "bedreigingen")
        }

    def relations(self, page) -> dict[str, list[int]]:
        rng, terms = self.rng, self.terms
        competences = rng.sample(terms["digcompedu_competences"], rng.randint(1, 3))
        chosen = {
            "digcompedu_competences": [c.pk for c in competences],
            "digcompedu_areas": list({c.area_id for c in competences}),
            "pillars": rng.sample(terms["pillars"], rng.randint(1, 2)),
            "school_levels": rng.sample(terms["school_levels"], rng.randint(1, 3)),
            "audiences": rng.sample(terms["audiences"], rng.randint(1, 2)),
            "networks": rng.sample(terms["networks"], 1),
        }
        if self.model is ActionPage:
            chosen["forms"] = rng.sample(terms["forms"], 1)
            chosen["levels"] = rng.sample(terms["levels"], rng.randint(1, 3))
            if self.links["actors"]:
                chosen["organisers"] = rng.sample(self.links["actors"], rng.randint(1, 2))
        if self.model is GoodPracticePage:
            if self.links["actors"]:
                chosen["related_actors"] = rng.sample(self.links["actors"], rng.randint(1, 2))
            if self.links["actions"]:
                chosen["related_actions"] = rng.sample(self.links["actions"], rng.randint(0, 3))
        return chosen


def _last_child_step(parent) -> int:
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    return Page._str2int(last[-Page.steplen :]) if last else 0


def _insert_rows(model, rows: list[tuple[int, dict]]) -> None:
    """One row per page in the kind's own table: the chosen values, every other column its model
    default (so a new field never breaks the benchmark)."""
    fields = [f for f in model._meta.local_concrete_fields if not f.primary_key]
    names = {f.attname for f in fields}
    values = []
    for pk, chosen in rows:
        unknown = set(chosen) - names - {"swot"}
        assert not unknown, unknown
        row = [pk]
        for field in fields:
            if field.name == "swot":
                value = _swot_value(model, chosen.get("swot"))
            elif field.attname in chosen:
                value = chosen[field.attname]
            else:
                value = field.get_default()
            row.append(field.get_db_prep_save(value, connection))
        values.append(row)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in [model._meta.pk, *fields])
    marks = ", ".join(["%s"] * (len(fields) + 1))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})", values)


def _swot_value(model, data):
    page = model()
    page.set_swot(data)
    return page.swot


def _terms() -> dict:
    def pks(queryset):
        return list(queryset.values_list("pk", flat=True))

    return {
        "digcompedu_areas": pks(DigCompEduArea.objects.all()),
        "digcompedu_competences": list(DigCompEduCompetence.objects.all()),
        "pillars": pks(Pillar.objects.all()),
        "school_levels": pks(SchoolLevel.objects.all()),
        "audiences": pks(Audience.objects.all()),
        "networks": pks(EducationNetwork.objects.all()),
        "forms": pks(ProfessionalisationForm.objects.all()),
        "levels": pks(ProficiencyLevel.objects.all()),
    }


def _insert_relations(model, pages, relations: Callable, rng: random.Random) -> None:
    links: dict[str, list] = {}
    for page in pages:
        for name, values in relations(page).items():
            links.setdefault(name, []).extend((page.pk, value) for value in values)
    for name, pairs in links.items():
        through = getattr(model, name).through
        source, target = _through_columns(model, through)
        table = through._meta.db_table
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} ({connection.ops.quote_name(source)}, {connection.ops.quote_name(target)}) "
                "VALUES (%s, %s)",
                pairs,
            )


def _through_columns(model, through) -> tuple[str, str]:
    fields = [f for f in through._meta.fields if f.is_relation]
    page_field = next(f for f in fields if f.related_model is model)
    other = next(f for f in fields if f is not page_field)
    return page_field.column, other.column
