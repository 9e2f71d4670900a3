"""ActionPage: an initiative or training offer (report appendix B.7)."""

from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from discovery.index_page import SectionIndexPage
from portal.api_fields import FICHE_API_FIELDS, page_refs, terms
from portal.fiche import FichePage, checkboxes, live_partner_group_slugs
from portal.permissions import PartnerPermissionTester
from portal.public import public
from portal.tags import TaggedItemBase, tags_field
from portal.taxonomy import EindtermBlock, ProfessionalisationForm, ProficiencyLevel
from portal.widgets import SearchableCheckboxSelectMultiple
from search import SearchParams, per_page, search

from . import status as offer_status
from .action_form import ActionPageForm
from .actor import ActorPage
from .session import ActionSession  # noqa: F401  (the sessions' model lives beside the page)
from .structured_data import action_data


class ActionPageTag(TaggedItemBase):
    content_object = ParentalKey("actors.ActionPage", on_delete=models.CASCADE, related_name="tagged_items")


class Cost(models.TextChoices):
    FREE = "gratis", "Gratis"
    PAID = "betalend", "Betalend"


class SessionSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    course_mode = serializers.CharField()
    location = serializers.CharField()
    language = serializers.CharField()
    price = serializers.DecimalField(max_digits=8, decimal_places=2)
    is_free = serializers.BooleanField()
    seats = serializers.IntegerField()
    registration_url = serializers.CharField(source="effective_registration_url")
    status = serializers.CharField()
    identifier = serializers.CharField()


class ActionPage(FichePage):
    search_kind = "actie"
    kind_label = "Aanbod"
    kind_plural_label = "Aanbod"
    is_offer = True
    card_facets = ("status", "gratis", "vorm", "niveau", "onderwijsniveau")

    organisers = ParentalManyToManyField(
        "actors.ActorPage", blank=True, related_name="actions", verbose_name="organisatoren"
    )
    description = models.TextField("korte beschrijving", blank=True)
    organisation_text = models.TextField(
        "organisatie", blank=True, help_text="De organisatie zoals de fiche ze beschrijft (partners, rollen)."
    )
    goal = models.TextField("doel", blank=True)
    audience_text = models.TextField("doelgroep", blank=True)
    approach = models.TextField("aanpak", blank=True)
    results = models.TextField("(verwachte) resultaten", blank=True)
    dates_text = models.TextField(
        "opmerking over data",
        blank=True,
        help_text=(
            "Vrije tekst over het verloop, bv. ‘elk voorjaar’ of ‘gestart in 2019’. Hier staan geen "
            "data waarop je kunt inschrijven: die komen als sessie onderaan."
        ),
    )
    start_date = models.DateField(
        "begindatum (zonder sessies)",
        null=True,
        blank=True,
        help_text="Alleen voor aanbod zonder sessies, zoals een project. Met sessies volgt het begin uit de eerste sessie.",
    )
    end_date = models.DateField(
        "einddatum (zonder sessies)",
        null=True,
        blank=True,
        help_text="Alleen voor aanbod zonder sessies. Met sessies volgt het einde uit de laatste sessie.",
    )
    funding = models.TextField("financiering", blank=True)
    cost = models.CharField("kostprijs", max_length=10, choices=Cost.choices, blank=True)
    self_paced = models.BooleanField(
        "doorlopend aanbod",
        default=False,
        help_text="Zelfstudie of materiaal dat altijd beschikbaar is, zonder vaste data.",
    )
    for_pupils = models.BooleanField(
        "voor leerlingen", default=False, help_text="Leerlingen nemen zelf deel."
    )
    forms = ParentalManyToManyField(
        ProfessionalisationForm, blank=True, related_name="actions", verbose_name="vormen"
    )
    levels = ParentalManyToManyField(
        ProficiencyLevel, blank=True, related_name="actions", verbose_name="competentieniveaus"
    )
    eindtermen = ParentalManyToManyField(
        EindtermBlock, blank=True, related_name="actions", verbose_name="eindtermen-bouwstenen"
    )
    website = models.URLField("website", blank=True)
    registration_url = models.URLField("inschrijvingslink", blank=True)
    tags = tags_field(ActionPageTag)

    TAXONOMY_RELATIONS = FichePage.TAXONOMY_RELATIONS + ["forms", "levels", "eindtermen"]

    content_panels = FichePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel(
            "organisers", widget=SearchableCheckboxSelectMultiple(filter_label="Zoek een organisatie")
        ),
        FieldPanel("description"),
        FieldPanel("organisation_text"),
        FieldPanel("goal"),
        FieldPanel("audience_text"),
        FieldPanel("approach"),
        FieldPanel("results"),
        MultiFieldPanel(
            [FieldPanel("dates_text"), FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
            heading="Data",
            help_text=(
                "De sessies (onderaan) zijn de bron van de data: de agenda, de status en de periode op de "
                "fiche volgen eruit. Begin- en einddatum hier gelden alleen zolang het aanbod geen sessies "
                "heeft. De opmerking over data is uitleg in woorden en verschijnt als ‘Over de data’."
            ),
        ),
        FieldPanel("funding"),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("self_paced"), FieldPanel("for_pupils")]),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("registration_url")], heading="Links"),
        InlinePanel("sessions", heading="Sessies", label="sessie"),
    ]
    taxonomy_panels = (
        FichePage.taxonomy_panels[:1]
        + [
            checkboxes("levels"),
            checkboxes("forms"),
            checkboxes("eindtermen"),
        ]
        + FichePage.taxonomy_panels[1:]
    )
    search_fields = FichePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("organisation_text"),
        index.SearchField("goal"),
        index.SearchField("audience_text"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.FilterField("cost"),
        index.FilterField("self_paced"),
        index.FilterField("for_pupils"),
    ]

    api_fields = FICHE_API_FIELDS + [
        page_refs("organisers", "public_organisers"),
        APIField("description"),
        APIField("organisation_text"),
        APIField("goal"),
        APIField("audience_text"),
        APIField("approach"),
        APIField("results"),
        APIField("dates_text"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("funding"),
        APIField("cost"),
        APIField("status"),
        APIField("self_paced"),
        APIField("sessions", serializer=SessionSerializer(many=True, read_only=True, source="sessions.all")),
        APIField("for_pupils"),
        terms("forms", "forms"),
        terms("levels", "levels"),
        terms("eindtermen", "eindtermen"),
        APIField("website"),
        APIField("registration_url"),
    ]

    search_text_fields = (
        "summary",
        "description",
        "organisation_text",
        "goal",
        "audience_text",
        "approach",
        "results",
        "dates_text",
        "funding",
    )
    search_prefetch = ("forms", "levels", "eindtermen", "organisers__partner_group", "sessions")

    parent_page_types = ["actors.ActionIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ActionPageForm

    class Meta:
        verbose_name = "aanbod"  # one name everywhere: the page, the result card, the filter
        verbose_name_plural = "aanbod"

    def search_keywords(self) -> list[str]:
        terms = [*self.forms.all(), *self.levels.all(), *self.eindtermen.all()]
        return [term.label for term in terms] + [actor.title for actor in self.organisers.all()]

    def search_facet_values(self) -> dict[str, list[str]]:
        # The status is derived (not stored) by actors.status, at indexing time.
        return {"partnergroep": live_partner_group_slugs(self.organisers.all()), "status": [self.status]}

    @classmethod
    def search_facet_choices(cls) -> dict[str, list[tuple[str, str]]]:
        return {"status": list(offer_status.STATUS_CHOICES)}

    @property
    def status(self) -> str:
        """Derived, never stored: see actors/status.py."""
        return offer_status.action_status(self)

    def get_status_display(self) -> str:
        return offer_status.STATUS_LABELS[self.status]

    def structured_data(self, request) -> dict:
        return action_data(self, request)

    @classmethod
    def actors_with_a_stake(cls, page_id: int | None) -> frozenset[int]:
        # A partner may edit an action its actors organise.
        if not page_id:
            return frozenset()
        through = cls.organisers.through
        return frozenset(through.objects.filter(actionpage_id=page_id).values_list("actorpage_id", flat=True))

    @classmethod
    def search_card_facts(cls, page_ids) -> dict[int, list[tuple[str, str]]]:
        facts: dict[int, list[tuple[str, str]]] = {}
        organisers = ActorPage.objects.live().public().filter(actions__in=page_ids).order_by("title")
        names: dict[int, list[str]] = {}
        for action_id, title in organisers.values_list("actions", "title"):
            names.setdefault(action_id, []).append(title)
        for action_id, titles in names.items():
            facts.setdefault(action_id, []).append(("Organisatie", ", ".join(titles)))
        for action_id, session in offer_status.next_sessions(page_ids).items():
            facts.setdefault(action_id, []).append(("Volgende sessie", offer_status.session_summary(session)))
        return facts

    def upcoming_sessions(self):
        return offer_status.upcoming_sessions(self)

    def period(self, sessions=None) -> tuple:
        """(begin, end) as dates: from the sessions where the offer has any, else the editor's dates."""
        return offer_status.period(self, sessions=sessions)

    def public_organisers(self) -> list:
        # Kept on the instance: the page, its JSON-LD and the API all ask for them.
        if "_public_organisers" not in self.__dict__:
            self.__dict__["_public_organisers"] = list(public(self.organisers.live()).order_by("title"))
        return self.__dict__["_public_organisers"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        models.prefetch_related_objects([self], "sessions")  # the page and its JSON-LD read them
        sessions = list(self.sessions.all())
        context["offer_status"] = offer_status.action_status(self, sessions=sessions)
        context["offer_status_label"] = offer_status.STATUS_LABELS[context["offer_status"]]
        context["upcoming_sessions"] = offer_status.upcoming_sessions(self, sessions=sessions)
        context["past_session_count"] = len(sessions) - len(context["upcoming_sessions"])
        context["period_start"], context["period_end"] = offer_status.period(self, sessions=sessions)
        context.update(self.related_pages(request))
        context["related_offers"] = self.related_offers(
            exclude={page.pk for page in context["same_organiser"]}
        )
        return context

    def related_pages(self, request) -> dict[str, list]:
        """Its public organisers, good practices and other offers of the same organisers, kept per
        content version: a warm fiche reads none of them."""

        def read() -> dict[str, list]:
            organisers = list(public(self.organisers.live()).order_by("title"))
            return {
                "organisers": organisers,
                "good_practices": list(public(self.good_practices.live()).order_by("title")),
                "same_organiser": list(
                    public(ActionPage.objects.live())
                    .filter(organisers__in=[actor.pk for actor in organisers])
                    .exclude(pk=self.pk)
                    .distinct()
                    .order_by("title")[:6]
                ),
            }

        pages = per_page("action-related", self, request, read)
        self.__dict__["_public_organisers"] = pages["organisers"]
        return pages

    def related_offers(self, limit: int = 4, exclude: set[int] = frozenset()) -> list[dict]:
        """Other offers on the same DigCompEdu areas (by the search service, newest first), each with
        why it is related; never this offer, never one already listed under its organiser."""
        areas = {area.code: area for area in self.digcompedu_areas.all()}
        if not areas:
            return []
        params = SearchParams(
            filters={"type": ("actie",), "digcompedu": tuple(areas)},
            sort="nieuw",
            page_size=limit + len(exclude) + 1,
        )
        related = []
        for hit in search(params).hits:
            if hit.id == self.pk or hit.id in exclude:
                continue
            shared = [areas[code] for code in hit.digcompedu if code in areas]
            reason = "Zelfde DigCompEdu-domein: " + ", ".join(f"{area.code} {area.label}" for area in shared)
            related.append({"hit": hit, "reason": reason})
        return related[:limit]


ActionPage.edit_handler = ActionPage.build_edit_handler(ActionPage.content_panels, ActionPage.taxonomy_panels)


class ActionIndexPage(SectionIndexPage):
    listed_model = ActionPage
    subpage_types = ["actors.ActionPage"]

    class Meta:
        verbose_name = "overzicht aanbod"

    def permissions_for_user(self, user):
        # Partner contributors may add actions here for the actors they are linked to.
        return PartnerPermissionTester(user, self)

    @classmethod
    def actors_with_a_stake(cls, page_id: int | None) -> None:
        return None  # any partner contributor may add an action here
