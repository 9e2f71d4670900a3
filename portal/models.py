"""The portal app's models live in modules named after what they are; Django finds them here."""

from .pages import HomePage, StandardPage  # noqa: F401
from .taxonomy import (  # noqa: F401
    Audience,
    DigCompEduArea,
    DigCompEduCompetence,
    EducationNetwork,
    EindtermBlock,
    Pillar,
    ProfessionalisationForm,
    ProficiencyLevel,
    SchoolLevel,
)
from .trust_settings import TrustSettings  # noqa: F401
