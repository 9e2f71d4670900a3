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


class ScheduledRun(models.Model):
    """The last start of a scheduled job on any node (`manage.py run_once`): with several app nodes,
    each with the same timers, the first node to claim a run does the job and the others skip it."""

    name = models.CharField(max_length=100, primary_key=True)
    started = models.DateTimeField(null=True)
    finished = models.DateTimeField(null=True)
    node = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "geplande taak"

    def __str__(self) -> str:
        return self.name
