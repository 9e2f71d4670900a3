"""The good practices' old English path: /good-practices/… redirects permanently to /goede-praktijken/…,
sub-paths and query string included (links and bookmarks from before the Dutch URL keep working)."""

from django.http import HttpResponsePermanentRedirect
from django.urls import re_path

NEW_PREFIX = "/goede-praktijken/"


def old_path(request, rest: str = ""):
    target = NEW_PREFIX + rest
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)


urlpatterns = [re_path(r"^good-practices(?:/(?P<rest>.*))?$", old_path, name="good-practices-old-path")]
