"""The Content-Security-Policy per part of the site (django-csp), and the login throttling backend.

Public pages get the strict policy of settings.CONTENT_SECURITY_POLICY. The Wagtail admin still has
a few inline scripts and style attributes of its own, so it gets 'unsafe-inline' (and may frame its
own previews), except on its login page; /embed/ may be framed by any site.
"""

from axes.backends import AxesStandaloneBackend
from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}
# No frame-ancestors at all: `*` would still refuse parents without a network origin (a local file,
# a page written by script), and the embed is meant for every site.
EMBED_POLICY = {"frame-ancestors": None}


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        path = request.path_info
        if path in settings.CSP_STRICT_ADMIN_PATHS:
            return parts  # the login page has no inline code: the strict policy guards the password
        if path.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES)):
            parts.replace = {**ADMIN_POLICY, **(parts.replace or {})}
        elif path.startswith(tuple(settings.CSP_EMBED_PATH_PREFIXES)):
            parts.replace = {**EMBED_POLICY, **(parts.replace or {})}
        return parts


class LoginThrottlingBackend(AxesStandaloneBackend):
    """django-axes' check before every login. Every login form passes the request (the client's address
    is half of the lockout key); a call without one comes from code (a shell, a test's client.login)
    and has nobody to throttle, so it is let through to the next backend."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def login_name(request, credentials) -> str | None:
    """The name a lockout is kept under: the admin's username, or the e-mail of a school login."""
    credentials = credentials or {}
    name = credentials.get("username") or credentials.get("email")
    if not name and request is not None:
        name = request.POST.get("username") or request.POST.get("login")
    return (name or "").strip().lower() or None
