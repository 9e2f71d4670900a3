"""The actors app's page models, one module per page type; Django finds them here."""

from .action import ActionIndexPage, ActionPage, ActionPageTag  # noqa: F401
from .actor import ActorIndexPage, ActorPage, ActorPageTag  # noqa: F401
from .partnergroup import PartnerGroupIndexPage, PartnerGroupPage, PartnerGroupPageTag  # noqa: F401
from .session import ActionSession  # noqa: F401
