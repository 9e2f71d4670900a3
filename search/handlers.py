"""The engine's signal handlers, connected once by SearchConfig.ready() with explicit senders: the index
follows the fiche kinds' publishing, unpublishing, slug changes, moves and deletes and their privacy
restrictions; the facet vocabulary and the synonyms are forgotten when what they are made of changes."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from portal.fiche import fiche_kinds
from portal.taxonomy import TAXONOMY_MODELS

from .concepts import forget_concepts
from .facets import forget_vocabulary
from .indexing import privacy_changed_handler, reindex_handler, remove_handler
from .models import Concept, Synonym
from .synonyms import forget_synonyms


def connect() -> None:
    for kind in fiche_kinds():
        name = kind._meta.label_lower
        page_published.connect(reindex_handler, sender=kind, dispatch_uid=f"search-index-published-{name}")
        page_unpublished.connect(remove_handler, sender=kind, dispatch_uid=f"search-index-unpublished-{name}")
        page_slug_changed.connect(reindex_handler, sender=kind, dispatch_uid=f"search-index-slug-{name}")
        post_page_move.connect(reindex_handler, sender=kind, dispatch_uid=f"search-index-moved-{name}")
        pre_delete.connect(remove_handler, sender=kind, dispatch_uid=f"search-index-deleted-{name}")
        # A kind's facet choices may be pages (the partner groups): forget them when one changes.
        page_published.connect(forget_vocabulary, sender=kind, dispatch_uid=f"facet-vocab-published-{name}")
        page_unpublished.connect(
            forget_vocabulary, sender=kind, dispatch_uid=f"facet-vocab-unpublished-{name}"
        )
    post_save.connect(
        privacy_changed_handler, sender=PageViewRestriction, dispatch_uid="search-privacy-saved"
    )
    post_delete.connect(
        privacy_changed_handler, sender=PageViewRestriction, dispatch_uid="search-privacy-deleted"
    )
    for model in TAXONOMY_MODELS:
        name = model._meta.label_lower
        post_save.connect(forget_vocabulary, sender=model, dispatch_uid=f"facet-vocab-save-{name}")
        post_delete.connect(forget_vocabulary, sender=model, dispatch_uid=f"facet-vocab-delete-{name}")
        post_save.connect(forget_concepts, sender=model, dispatch_uid=f"search-concepts-taxonomy-save-{name}")
    post_save.connect(forget_synonyms, sender=Synonym, dispatch_uid="search-synonyms-saved")
    post_delete.connect(forget_synonyms, sender=Synonym, dispatch_uid="search-synonyms-deleted")
    post_save.connect(forget_concepts, sender=Concept, dispatch_uid="search-concepts-saved")
    post_delete.connect(forget_concepts, sender=Concept, dispatch_uid="search-concepts-deleted")
