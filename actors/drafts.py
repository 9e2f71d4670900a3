"""A new offer that nobody has checked yet: an unpublished action page under the offers' index, for
the editors to complete and publish. The public offer form (submissions) and the harvester (a
provider's agenda with an unknown offer) both propose offers this way."""

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from .models import ActionIndexPage, ActionPage


def offers_index() -> ActionIndexPage | None:
    return ActionIndexPage.objects.first()


def add_offer_draft(
    page: ActionPage, parent: ActionIndexPage, user=None, log_action: bool = False
) -> ActionPage:
    """`page` (not yet saved) under `parent`, with a free slug from its title, never live, saved as a
    draft revision (`log_action`: also in the page's history)."""
    page.slug = find_available_slug(parent, slugify(page.title)[:70] or "aanbod")
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=log_action)
    return page
