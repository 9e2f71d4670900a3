from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import admin_login, client_address, seo, shortlinks

urlpatterns = [
    path("admin/login/", admin_login.LimitedLoginView.as_view()),  # before Wagtail's own
    path("admin/", include(wagtailadmin_urls)),
    path("", include("operations.urls")),
    path("documenten/", include(wagtaildocs_urls)),
    path("", include("discovery.urls")),
    path("", include("selfassessment.urls")),
    path("", include("actors.urls")),
    path("", include("submissions.urls")),
    path("", include("editorial.provider_views")),  # the providers' check link (no account)
    path("", include("schools.urls")),
    path("", include("goodpractices.urls")),
    path("account/signup/", client_address.LimitedSignupView.as_view(), name="account_signup"),
    path("", include("leerpad.urls")),
    path("account/", include("allauth.urls")),
    path("f/<id:page_id>/", shortlinks.short_link, name="short-link"),
    path("api/", TemplateView.as_view(template_name="portal/api_docs.html"), name="api-docs"),
    path("robots.txt", seo.robots_txt, name="robots-txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# A database that does not answer gives a Dutch 503 with Retry-After; any other error the 500 page.
handler500 = "operations.outage.server_error"
