import uuid

from django.db import models


def _new_token() -> str:
    return uuid.uuid4().hex


class PageCacheState(models.Model):
    """One row: the version of the site's pages as the page cache sees them (operations/page_cache.py).

    Moved by what changes a rendered page (publishing, privacy, a label, a setting), never by the
    search index: the search engine keeps its own version (search.models.IndexState)."""

    SINGLETON = 1

    token = models.CharField(max_length=32, default=_new_token)

    class Meta:
        verbose_name = "versie van de paginacache"

    def __str__(self) -> str:
        return self.token
