"""What the inventory files may hold: the keys of each kind and how they map onto page fields.

One place for the file format, so the loader's validation, the loader and (later) the exporter agree.
"""

from dataclasses import dataclass, field

from actors.models import (
    ActionIndexPage,
    ActionPage,
    ActorIndexPage,
    ActorPage,
    PartnerGroupIndexPage,
    PartnerGroupPage,
)
from goodpractices.models import GoodPracticeIndexPage, GoodPracticePage
from portal.taxonomy import (
    Audience,
    EducationNetwork,
    EindtermBlock,
    Pillar,
    ProfessionalisationForm,
    ProficiencyLevel,
    SchoolLevel,
)

# file key -> (page field, taxonomy model). `digcompedu` is special: areas and competences in one list.
TAXONOMY_KEYS = {
    "pijlers": ("pillars", Pillar),
    "onderwijsniveaus": ("school_levels", SchoolLevel),
    "doelgroepen": ("audiences", Audience),
    "net": ("networks", EducationNetwork),
}
ACTION_TAXONOMY_KEYS = {
    "vormen": ("forms", ProfessionalisationForm),
    "niveaus": ("levels", ProficiencyLevel),
    "eindtermen": ("eindtermen", EindtermBlock),
}

COMMON_KEYS = {"slug", "title", "source", "summary", "last_reviewed", "digcompedu", "tags", *TAXONOMY_KEYS}


@dataclass(frozen=True)
class Kind:
    name: str  # also the file name without .yaml
    model: type
    index_model: type  # the section index page its pages live under
    # file key -> page field, for plain text and value fields
    text_fields: dict[str, str]
    value_fields: dict[str, str] = field(default_factory=dict)
    taxonomy_keys: dict = field(default_factory=lambda: dict(TAXONOMY_KEYS))
    link_keys: dict[str, str] = field(default_factory=dict)  # file key -> kind name it links to
    required: tuple[str, ...] = ("slug", "title", "source", "summary")
    needs_classification: bool = False  # at least one DigCompEdu code and one pillar
    has_swot: bool = False
    has_sessions: bool = False  # a list of dated sessions (inventory/session_rows.py)

    @property
    def allowed_keys(self) -> set[str]:
        keys = COMMON_KEYS | set(self.text_fields) | set(self.value_fields) | set(self.taxonomy_keys)
        keys |= set(self.link_keys)
        if self.has_swot:
            keys.add("swot")
        if self.has_sessions:
            keys.add("sessions")
        return keys


PARTNER_GROUPS = Kind(
    name="partnergroups",
    model=PartnerGroupPage,
    index_model=PartnerGroupIndexPage,
    text_fields={"role": "role"},
    has_swot=True,
)
ACTORS = Kind(
    name="actors",
    model=ActorPage,
    index_model=ActorIndexPage,
    text_fields={
        "description": "description",
        "goal": "goal",
        "audience_text": "audience_text",
        "current_role": "current_role",
        "website": "website",
        "contact_channel": "contact_channel",
        "fte": "fte",
        "reach": "reach",
    },
    value_fields={"from_report": "from_report"},
    link_keys={"partner_group": "partnergroups"},
    needs_classification=True,
)
ACTIONS = Kind(
    name="actions",
    model=ActionPage,
    index_model=ActionIndexPage,
    text_fields={
        "description": "description",
        "organisation_text": "organisation_text",
        "goal": "goal",
        "audience_text": "audience_text",
        "approach": "approach",
        "results": "results",
        "dates_text": "dates_text",
        "funding": "funding",
        "website": "website",
        "registration_url": "registration_url",
    },
    value_fields={
        "start_date": "start_date",
        "end_date": "end_date",
        "cost": "cost",
        "doorlopend": "self_paced",
        "voor_leerlingen": "for_pupils",
    },
    taxonomy_keys={**TAXONOMY_KEYS, **ACTION_TAXONOMY_KEYS},
    link_keys={"organisers": "actors"},
    required=("slug", "title", "source", "summary", "organisers"),
    needs_classification=True,
    has_sessions=True,
)
GOOD_PRACTICES = Kind(
    name="goodpractices",
    model=GoodPracticePage,
    index_model=GoodPracticeIndexPage,
    text_fields={"what": "what", "why_inspiring": "why_inspiring", "body": "body"},
    link_keys={"actors": "actors", "actions": "actions"},
    has_swot=True,
)

# In load order: every kind links only to kinds before it.
KINDS = [PARTNER_GROUPS, ACTORS, ACTIONS, GOOD_PRACTICES]
LINK_FIELDS = {
    ("actors", "partner_group"): "partner_group",
    ("actions", "organisers"): "organisers",
    ("goodpractices", "actors"): "related_actors",
    ("goodpractices", "actions"): "related_actions",
}
