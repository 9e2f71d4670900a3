"""Prometheus metrics at /metrics (django-prometheus: requests, latency, status codes, exceptions;
plus `portal_page_cache_total{result="hit|miss"}` from operations/page_cache.py and
`portal_redis_fallback_total` from operations/resilient_cache.py).

Only for whoever runs the site: a client on the loopback address (the client's address by the site's
one rule, so a local reverse proxy does not make every visitor local) or a request with
`Authorization: Bearer <METRICS_TOKEN>`. Anyone else gets a 404. Under gunicorn the counts of every
worker are added up: deploy/gunicorn.conf.py sets PROMETHEUS_MULTIPROC_DIR and cleans it at start.
"""

import hmac
import ipaddress

from django.conf import settings
from django.http import Http404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_prometheus.exports import ExportToDjangoView

from portal.client_address import client_ip


def allowed(request) -> bool:
    token = getattr(settings, "METRICS_TOKEN", "")
    offered = request.META.get("HTTP_AUTHORIZATION", "")
    if token and hmac.compare_digest(offered.encode(), f"Bearer {token}".encode()):
        return True
    try:
        return ipaddress.ip_address(client_ip(request)).is_loopback
    except ValueError:
        return False


@require_GET
@never_cache
def metrics(request):
    if not allowed(request):
        raise Http404
    return ExportToDjangoView(request)
