"""What the loader remembers of each entry it loaded, so a later run can tell editors' changes apart."""

from django.db import models


class LoadedEntry(models.Model):
    kind = models.CharField(max_length=30)
    slug = models.SlugField(max_length=255)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64, help_text="SHA-256 of the entry as last loaded.")
    revision_id = models.BigIntegerField(help_text="The revision the loader published.")
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("kind", "slug")]
        verbose_name = "geladen inventarisitem"
        verbose_name_plural = "geladen inventarisitems"

    def __str__(self) -> str:
        return f"{self.kind}/{self.slug}"
