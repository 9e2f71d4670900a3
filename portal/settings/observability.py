"""Optional error reporting: with SENTRY_DSN set, uncaught errors go to Sentry (sentry-sdk 3), tagged
with the request id of the log lines (operations/request_log.py). Nothing personal is sent: no user
details, cookies, request headers, query strings or bodies, and no local variables of the stack
frames (they hold form input such as e-mail addresses); no performance traces unless
SENTRY_TRACES_SAMPLE_RATE says so. If the SDK refuses to start, the portal starts without it: error
reporting never keeps users out."""

import logging

from django.core.exceptions import ImproperlyConfigured

from .env import env_str

SENTRY_DSN = env_str("SENTRY_DSN")
SENTRY_ENVIRONMENT = env_str("SENTRY_ENVIRONMENT", "production")
try:
    SENTRY_TRACES_SAMPLE_RATE = float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0") or 0)
except ValueError:
    raise ImproperlyConfigured("SENTRY_TRACES_SAMPLE_RATE must be a number between 0 and 1.") from None

# sentry-sdk 3 collects user details and request bodies by default (its `send_default_pii` is gone):
# every category that can carry personal data is switched off here.
NOTHING_PERSONAL = {
    "user_info": False,
    "cookies": {"mode": "off"},
    "http_headers": {"request": {"mode": "off"}},
    "url_query_params": {"mode": "off"},
    "http_bodies": [],
    "stack_frame_variables": False,
    "database_query_data": False,
}


def init_error_reporting(dsn: str) -> bool:
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    try:
        sentry_sdk.init(
            dsn=dsn,
            integrations=[DjangoIntegration()],
            environment=SENTRY_ENVIRONMENT,
            traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
            data_collection=NOTHING_PERSONAL,
        )
    except Exception:  # an SDK that changed its options: report nothing rather than not start
        logging.getLogger("portal").exception("Sentry could not start; errors are only logged")
        return False
    return True


init_error_reporting(SENTRY_DSN)
