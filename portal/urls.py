from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from actors import landscape

from . import taxonomy_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("", include("search.urls")),
    path("digcompedu/<str:code>/", taxonomy_views.digcompedu, name="digcompedu"),
    path("pijlers/<slug:slug>/", taxonomy_views.pillar, name="pillar"),
    path("landschap/", landscape.matrix, name="landscape"),
    path("landschap/swot/", landscape.swot_comparison, name="landscape-swot"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
