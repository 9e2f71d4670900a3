"""Security settings shared by every environment: Content-Security-Policy, frames and login throttling.

Transport security (HTTPS redirect, HSTS, secure cookies) depends on the install and lives in
production.py.
"""

from datetime import timedelta

from csp.constants import NONCE, NONE, SELF

from .env import env_int, env_str

# A strict policy for every public page: scripts and styles only from our own static files (an
# inline <script> needs the request's nonce), nothing framed, nothing posted elsewhere.
# portal.security.PortalCSPMiddleware relaxes it for the Wagtail admin and opens frames for /embed/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
CSP_ADMIN_PATH_PREFIXES = ("/admin/",)
CSP_STRICT_ADMIN_PATHS = ("/admin/login/",)
CSP_EMBED_PATH_PREFIXES = ("/embed/",)
X_FRAME_OPTIONS = "DENY"  # /embed/ is exempt (discovery.views.embed); Wagtail's preview asks for SAMEORIGIN
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Login throttling (django-axes) for every login that goes through Django's authenticate(): the
# Wagtail admin now, school staff's logins later. A username is locked for one IP address after
# AXES_FAILURE_LIMIT failures, until the cool-off passes or a Beheerder unlocks it
# (Instellingen > Geblokkeerde aanmeldingen, or manage.py axes_reset_username NAME).
AUTHENTICATION_BACKENDS = [
    "portal.security.LoginThrottlingBackend",  # django-axes' AxesStandaloneBackend
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",  # school staff log in with their e-mail
]
# The admin posts "username", allauth's login passes "email": one locked name for both.
AXES_USERNAME_CALLABLE = "portal.security.login_name"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
# The client's address: REMOTE_ADDR, unless TRUSTED_PROXY_COUNT reverse proxies add X-Forwarded-For
# (trusting that header without a proxy would let anyone pick a fresh address per attempt). One rule
# for axes, allauth and django-ratelimit: portal/client_address.py.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_ip"

# Rate limits outside allauth (django-ratelimit: sign-ups per e-mail address, submissions, the result
# PDF) count in the default cache and find the client's address by the same rule as axes.
RATELIMIT_IP_META_KEY = "portal.client_address.client_ip"
RATELIMIT_VIEW = "portal.client_address.too_many_requests"
# The self-assessment result PDF takes seconds to render: renders per client (cached ones are free).
RESULT_PDF_RATE = env_str("RESULT_PDF_RATE", "60/h")
# Failed admin logins per client address, whatever the usernames (axes locks per username and
# address; this stops one address trying one password on many names).
ADMIN_LOGIN_FAILURES_RATE = env_str("ADMIN_LOGIN_FAILURES_RATE", "20/h")
