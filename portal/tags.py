"""Free tags for fiches: one through model per page type, as ClusterTaggableManager requires."""

from modelcluster.contrib.taggit import ClusterTaggableManager
from taggit.models import TaggedItemBase


def tags_field(through) -> ClusterTaggableManager:
    return ClusterTaggableManager(through=through, blank=True, verbose_name="trefwoorden")


__all__ = ["TaggedItemBase", "tags_field"]
