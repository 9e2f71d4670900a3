"""The portal's URLs and a Django hello-world view, the yardstick of bench/http_ratio.py."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def hello(request):
    return HttpResponse("Hallo wereld", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/hello/", hello), *portal_urlpatterns]
