from django.urls import path

from . import health, metrics

urlpatterns = [
    path("healthz", health.liveness, name="healthz"),
    path("readyz", health.readiness, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
]
