"""What every fiche (actor, action, good practice, partner group) has in common.

A fiche is a page whose report headings are separate fields, tagged with the portal's taxonomies,
carrying its source reference, its last review date and private editor notes.
"""

from functools import cache

from django import forms
from django.apps import apps
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from taggit.managers import TaggableManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.search import index

from .fiche_form import FichePageForm
from .permissions import CURATE_FICHES, PartnerPermissionTester
from .provenance import REPORT_DATE
from .public import RestrictionsFromMemo
from .taxonomy import Audience, DigCompEduArea, DigCompEduCompetence, EducationNetwork, Pillar, SchoolLevel
from .term_union import read_union, table, term_order

REPORT_TITLE = "Analyserapport Leerkr@cht.net"


def checkboxes(field_name: str, **kwargs) -> FieldPanel:
    return FieldPanel(field_name, widget=forms.CheckboxSelectMultiple, **kwargs)


@cache
def fiche_kinds() -> list[type["FichePage"]]:
    """Every concrete fiche model, found as a subclass of the contract: what the search indexes,
    in the order of their search kind (actie, actor, goodpractice, partnergroep)."""
    return sorted((m for m in apps.get_models() if issubclass(m, FichePage)), key=lambda m: m.search_kind)


def fiche_kind(search_kind: str) -> type["FichePage"] | None:
    """The fiche model whose search kind this is (None for an unknown kind)."""
    return next((kind for kind in fiche_kinds() if kind.search_kind == search_kind), None)


def kind_choices() -> list[tuple[str, str]]:
    """[(search kind, plural label)]: the choices of the search's "Soort" filter."""
    return [(kind.search_kind, kind.kind_plural_label) for kind in fiche_kinds()]


def kind_labels() -> dict[str, str]:
    """{search kind: label of one such fiche}, as result cards and exports name it."""
    return {kind.search_kind: kind.kind_label for kind in fiche_kinds()}


def offer_kinds() -> tuple[str, ...]:
    """The kinds a teacher can take up (offers, good practices): ranked above organisations."""
    return tuple(kind.search_kind for kind in fiche_kinds() if kind.is_offer)


def live_partner_group_slugs(actors) -> list[str]:
    """The live strategic partner groups these actors belong to, once each, in order."""
    return list(
        dict.fromkeys(a.partner_group.slug for a in actors if a.partner_group_id and a.partner_group.live)
    )


class FichePage(RestrictionsFromMemo, Page):
    summary = models.TextField(
        "samenvatting", help_text="Eén of twee zinnen, getoond in lijsten en zoekresultaten."
    )
    source_reference = models.CharField(
        "bronverwijzing",
        max_length=30,
        blank=True,
        help_text="Waar het analyserapport dit beschrijft, bv. 'B.6.14' of '4.2.3'. Leeg als het niet uit het rapport komt.",
    )
    last_reviewed = models.DateField("laatst nagekeken", null=True, blank=True)
    editor_notes = models.TextField(
        "notities voor de redactie",
        blank=True,
        help_text="Alleen zichtbaar in de beheeromgeving, nooit op de publieke site of in de API.",
    )
    # Set when a publish changes the content (portal/provenance.py); not an editable field.
    content_updated_at = models.DateTimeField(
        "inhoud laatst gewijzigd", null=True, blank=True, editable=False
    )
    content_digest = models.CharField(max_length=64, blank=True, editable=False)
    base_form_class = FichePageForm

    digcompedu_areas = ParentalManyToManyField(
        DigCompEduArea, blank=True, related_name="%(class)s_pages", verbose_name="DigCompEdu-domeinen"
    )
    digcompedu_competences = ParentalManyToManyField(
        DigCompEduCompetence,
        blank=True,
        related_name="%(class)s_pages",
        verbose_name="DigCompEdu-competenties",
    )
    pillars = ParentalManyToManyField(
        Pillar, blank=True, related_name="%(class)s_pages", verbose_name="pijlers"
    )
    school_levels = ParentalManyToManyField(
        SchoolLevel, blank=True, related_name="%(class)s_pages", verbose_name="onderwijsniveaus"
    )
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="%(class)s_pages", verbose_name="doelgroepen"
    )
    networks = ParentalManyToManyField(
        EducationNetwork, blank=True, related_name="%(class)s_pages", verbose_name="onderwijsnetten"
    )

    # The relations a fiche page shows; get_context prefetches them in one query each.
    TAXONOMY_RELATIONS = [
        "digcompedu_areas",
        "digcompedu_competences",
        "pillars",
        "school_levels",
        "audiences",
        "networks",
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("source_reference"),
        index.FilterField("source_reference"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("digcompedu_areas", [index.SearchField("label")]),
        index.RelatedFields("digcompedu_competences", [index.SearchField("label")]),
        index.RelatedFields("pillars", [index.SearchField("label")]),
    ]

    @classmethod
    def get_indexed_objects(cls):
        """What Wagtail's own index (the admin search) reads, with every related field of `search_fields`
        prefetched: Wagtail prefetches none of the parental many-to-many relations and reads each one
        five times per page (title, body, autocomplete and their plain texts), 15 queries a fiche."""
        related = [f.field_name for f in cls.get_search_fields() if isinstance(f, index.RelatedFields)]
        return super().get_indexed_objects().prefetch_related(*dict.fromkeys(related))

    # --- what kind of fiche this is: every concrete kind sets these, no module switches on class names ---
    search_kind: str = ""  # its value of the search's "type" facet, e.g. "actie"
    kind_label: str = ""  # one fiche of this kind, as a result card names it, e.g. "Aanbod"
    kind_plural_label: str = ""  # the kind as a choice of the "Soort" filter, e.g. "Goede praktijken"
    is_offer: bool = False  # something a teacher can take up: ranked above organisations
    is_organisation: bool = False  # an organisation: a namesake of another kind is shown as one card
    card_facets: tuple[str, ...] = ()  # the facets whose values its result card lists

    def structured_data(self, request) -> dict | None:
        """Its schema.org description (JSON-LD), or None when it has none."""
        return None

    @classmethod
    def actors_with_a_stake(cls, page_id: int | None) -> frozenset[int] | None:
        """The actors whose partner contributors may edit such a page as stored (see portal.permissions)."""
        return frozenset()

    # --- the search contract: what each kind of fiche gives the search (search/indexing.py, facets.py) ---
    # Its prose fields in reading order: searched, and the result's snippet (the title weighs more, apart).
    search_text_fields: tuple[str, ...] = ("summary",)
    # The relations its keywords and facet values read, prefetched when it is indexed.
    search_prefetch: tuple[str, ...] = ()

    def search_keywords(self) -> list[str]:
        """Words of its own a visitor may also find it by, beyond its source, tags and taxonomy labels."""
        return []

    def search_facet_values(self) -> dict[str, list[str]]:
        """Its values for the facets that no shared relation fills (partner group, status)."""
        return {}

    @classmethod
    def search_facet_choices(cls) -> dict[str, list[tuple[str, str]]]:
        """The values, with their labels, this kind offers for such facets."""
        return {}

    @classmethod
    def search_card_facts(cls, page_ids) -> dict[int, list[tuple[str, str]]]:
        """Facts beyond the facet values that a result card of this kind shows (an offer's organisers,
        its next session), per page id: read for one page of hits at once, a query or two in all."""
        return {}

    taxonomy_panels = [
        MultiFieldPanel(
            [checkboxes("digcompedu_areas"), checkboxes("digcompedu_competences")], heading="DigCompEdu"
        ),
        checkboxes("pillars"),
        checkboxes("school_levels"),
        checkboxes("audiences"),
        checkboxes("networks"),
        FieldPanel("tags"),
    ]
    editorial_panels = [
        FieldPanel("source_reference", permission=CURATE_FICHES),
        FieldPanel("last_reviewed", permission=CURATE_FICHES),
        FieldPanel("editor_notes", permission=CURATE_FICHES),
    ]

    class Meta:
        abstract = True

    @classmethod
    def build_edit_handler(cls, content_panels, taxonomy_panels=None) -> TabbedInterface:
        """The admin form in tabs: content, taxonomy, editorial, promotion, settings."""
        return TabbedInterface(
            [
                ObjectList(content_panels, heading="Inhoud"),
                ObjectList(taxonomy_panels or cls.taxonomy_panels, heading="Taxonomie"),
                ObjectList(cls.editorial_panels, heading="Redactie"),
                ObjectList(Page.promote_panels, heading="Promotie"),
                ObjectList(Page.settings_panels, heading="Instellingen"),
            ]
        )

    def permissions_for_user(self, user):
        return PartnerPermissionTester(user, self)

    @property
    def source_label(self) -> str:
        if not self.source_reference:
            return ""
        return f"Bron: {REPORT_TITLE}, {self.source_kind_label} {self.source_reference}"

    @property
    def source_kind_label(self) -> str:
        # Appendix references (B.6.x, B.7.x) are fiches; chapter references are sections.
        return "fiche" if self.source_reference.startswith("B.") else "hoofdstuk"

    @property
    def awaits_first_review(self) -> bool:
        """Still as the 2020 report described it: from the report and not reviewed since."""
        return bool(self.source_reference) and (not self.last_reviewed or self.last_reviewed <= REPORT_DATE)

    @property
    def content_updated(self):
        """When a visitor's content last changed; unknown (None) for a report fiche nobody changed."""
        if self.content_updated_at:
            return self.content_updated_at
        return None if self.source_reference else self.last_published_at

    def prefetched_taxonomy(self) -> None:
        """Load the taxonomy relations and the tags in one query (templates then issue none)."""
        if getattr(self, "_cluster_related_objects", None) or not self.pk:
            # A preview or an unsaved page: its relations live in memory, not in the database.
            models.prefetch_related_objects([self], *self.TAXONOMY_RELATIONS, "tags")
            return
        prefetch_terms(self, [*self.TAXONOMY_RELATIONS, "tags"])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.prefetched_taxonomy()
        return context


def prefetch_terms(page, relations) -> None:
    """Fill the prefetch cache of a page's taxonomy relations (and its tags) from one UNION ALL query
    (portal.term_union); each relation is then ordered as its model orders (sort_order, code; tags
    by name), exactly as one prefetch per relation would."""
    plans = [_relation_plan(page, relation) for relation in relations]
    branches = []
    for _relation, model, through_table, page_column, term_column in plans:
        qn = connection_of(page).ops.quote_name
        branches.append(
            (
                model,
                f"{table(model)} INNER JOIN {qn(through_table)} m"
                f" ON m.{qn(term_column)} = t.{qn(model._meta.pk.column)} WHERE m.{qn(page_column)} = %s",
                [page.pk],
            )
        )
    cache = page.__dict__.setdefault("_prefetched_objects_cache", {})
    for (relation, *_plan), objects in zip(plans, read_union(branches, type(page)), strict=True):
        objects.sort(key=term_order)
        queryset = getattr(page, relation).get_queryset()
        queryset._result_cache = objects
        queryset._prefetch_done = True
        cache[relation] = queryset


def connection_of(page):
    from django.db import connections, router

    return connections[router.db_for_read(type(page), instance=page)]


def _relation_plan(page, relation: str) -> tuple:
    """(relation, related model, through table, its page column, its related column)."""
    field = page._meta.get_field(relation)
    if isinstance(field, TaggableManager):
        through = field.through._meta
        return (
            relation,
            field.related_model,
            through.db_table,
            through.get_field("content_object").column,
            through.get_field("tag").column,
        )
    return (
        relation,
        field.related_model,
        field.remote_field.through._meta.db_table,
        field.m2m_column_name(),
        field.m2m_reverse_name(),
    )
