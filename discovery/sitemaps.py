"""/sitemap.xml: an index of parts of at most 5,000 addresses, each part cached per index version.

The fiches come from the search index (one row per live, public fiche: no page tree walk, no
`.specific()`), the other pages (home, sections, trust pages) from Wagtail's own sitemap.
"""

from django.http import HttpResponse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_views

from portal.fiche import fiche_kinds
from search import cached_per_index_version as cached
from search import documents

PART_SIZE = 5000


class OtherPagesSitemap(Sitemap):
    """Every live, public page that is not a fiche."""

    limit = PART_SIZE

    def items(self):
        return super().items().not_type(*fiche_kinds())


class FicheSitemap(Sitemap):
    limit = PART_SIZE

    def items(self):
        return [(document.url_path, document.published_at) for document in documents()]

    def _urls(self, page, protocol, domain):
        root = self.get_wagtail_site().root_url.rstrip("/")
        urls, lastmods = [], []
        for url_path, published_at in self.paginator.page(page).object_list:
            location = url_path if url_path.startswith("http") else root + url_path
            urls.append({"item": None, "location": location, "lastmod": published_at})
            lastmods.append(published_at)
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def get_latest_lastmod(self):
        dates = [document.published_at for document in documents() if document.published_at]
        return max(dates, default=None)


SITEMAPS = {"paginas": OtherPagesSitemap, "fiches": FicheSitemap}


def _cached_response(request, name: str, render) -> HttpResponse:
    parts = (request.get_host(), request.scheme, request.get_full_path())

    def compute():
        response = render()
        response.render()
        return response.content, response.get("X-Robots-Tag", "")

    content, robots = cached(f"sitemap-{name}", parts, compute)
    response = HttpResponse(content, content_type="application/xml")
    if robots:
        response["X-Robots-Tag"] = robots
    return response


@require_GET
def index(request):
    return _cached_response(
        request,
        "index",
        lambda: wagtail_views.index(request, SITEMAPS, sitemap_url_name="sitemap-part"),
    )


@require_GET
def part(request, section: str):
    return _cached_response(
        request, "part", lambda: wagtail_views.sitemap(request, SITEMAPS, section=section)
    )
