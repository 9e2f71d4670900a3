"""Who may do what with a fiche, beyond Wagtail's tree-based page permissions.

Wagtail grants page rights per section of the tree. A partner contributor's rights follow relations
instead: the actors linked to the account and the actions those actors organise. The fiche pages and
the actions index ask `PartnerPermissionTester`, which adds "change" to a partner's own fiches and
"add" to the actions index. It never adds "publish": everything a partner does goes through the
editorial workflow.

It lives on the ground floor beside the `FichePage` contract that uses it; the accounts' links to
their actors (`editorial.PartnerContributor`) are read by app label, so no import points upwards.
"""

from django.apps import apps
from wagtail.models import PagePermissionTester

# Editors' own fields; partner contributors neither see nor change them.
CURATE_FICHES = "editorial.curate_fiches"


def partner_actor_ids(user) -> frozenset[int]:
    """The actor pages this account contributes for (empty for everyone else), cached on the user."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if not hasattr(user, "_partner_actor_ids"):
        through = apps.get_model("editorial", "PartnerContributor").actors.through
        user._partner_actor_ids = frozenset(
            through.objects.filter(partnercontributor__user=user).values_list("actorpage_id", flat=True)
        )
    return user._partner_actor_ids


def is_partner_only(user) -> bool:
    """A partner account without editorial rights: its forms and lists are narrowed to its own actors."""
    return bool(partner_actor_ids(user)) and not user.has_perm(CURATE_FICHES)


def actors_with_a_stake(page) -> frozenset[int] | None:
    """The actors whose partners may edit this page as stored (None: any partner may add children).
    Each page class answers for itself (`actors_with_a_stake`); pages without that answer have none."""
    model = page.specific_class
    ask = getattr(model, "actors_with_a_stake", None)
    return ask(page.pk) if ask is not None else frozenset()


class PartnerPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        own = partner_actor_ids(user)
        if not own or user.is_superuser:
            return
        stake = actors_with_a_stake(page)
        if stake is None:
            self.permissions = self.permissions | {"add"}
        elif stake & own:
            self.permissions = self.permissions | {"change"}
