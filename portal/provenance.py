"""Honest dates on a fiche: when its content last changed (not when it was loaded or re-saved), and
whether it still stands as the 2020 report described it.

`content_updated_at` moves only when a publish changes what a visitor reads: review dates, editor
notes and Wagtail's own bookkeeping do not count. The inventory loader resets it, so a fiche loaded
from the report says where it comes from instead of showing its load date.
"""

import datetime
import hashlib
import json

from django.utils import timezone

REPORT_DATE = datetime.date(2020, 4, 3)  # the date of the Analyserapport Leerkr@cht.net
# Fields that are not the fiche's content: Wagtail's bookkeeping and the editors' own fields.
NOT_CONTENT = {
    "pk",
    "path",
    "depth",
    "numchild",
    "live",
    "has_unpublished_changes",
    "url_path",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "expire_at",
    "expired",
    "draft_title",
    "content_type",
    "page_ptr",
    "translation_key",
    "locale",
    "alias_of",
    "last_reviewed",
    "editor_notes",
    "content_updated_at",
    "content_digest",
    "wagtail_admin_comments",
}


def content_digest(page) -> str:
    data = {key: value for key, value in page.serializable_data().items() if key not in NOT_CONTENT}
    for children in data.values():  # child rows (sessions): their ids are bookkeeping too
        if isinstance(children, list):
            for child in children:
                if isinstance(child, dict):
                    child.pop("pk", None)
                    child.pop("id", None)
    canonical = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def note_content_change(sender, instance, revision=None, **kwargs) -> None:
    if not hasattr(instance, "content_digest"):
        return
    digest = content_digest(instance)
    if digest == instance.content_digest:
        return
    changed_at = revision.created_at if revision is not None else timezone.now()
    type(instance).objects.filter(pk=instance.pk).update(content_digest=digest, content_updated_at=changed_at)
    instance.content_digest, instance.content_updated_at = digest, changed_at
