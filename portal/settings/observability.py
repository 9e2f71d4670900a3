"""Optional error reporting: with SENTRY_DSN set, uncaught errors go to Sentry (sentry-sdk), tagged
with the request id of the log lines (operations/request_log.py). Nothing personal is sent: no
addresses, cookies or user details (send_default_pii off), and no performance traces unless
SENTRY_TRACES_SAMPLE_RATE says so."""

from django.core.exceptions import ImproperlyConfigured

from .env import env_str

SENTRY_DSN = env_str("SENTRY_DSN")
SENTRY_ENVIRONMENT = env_str("SENTRY_ENVIRONMENT", "production")
try:
    SENTRY_TRACES_SAMPLE_RATE = float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0") or 0)
except ValueError:
    raise ImproperlyConfigured("SENTRY_TRACES_SAMPLE_RATE must be a number between 0 and 1.") from None


def init_error_reporting(dsn: str) -> bool:
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=SENTRY_ENVIRONMENT,
        traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
        send_default_pii=False,
    )
    return True


init_error_reporting(SENTRY_DSN)
