"""Who is asking: one rule for the client's address, shared by every limit, and the limits built on it.

The rule: REMOTE_ADDR, unless TRUSTED_PROXY_COUNT reverse proxies stand in front; then the address
the outermost of them saw, i.e. the TRUSTED_PROXY_COUNT-th entry of X-Forwarded-For counted from the
right (each proxy appends the address it received the request from; entries further left come from
the client and prove nothing). django-axes (AXES_CLIENT_IP_CALLABLE), allauth's own rate limits
(AccountAdapter.get_client_ip) and django-ratelimit (the key functions below) all call `client_ip`,
so a lockout, a sign-up limit and a submission limit always count the same visitor, and nobody escapes
one of them with an X-Forwarded-For header that another believes.

Not ipware's proxy_count: it counts the proxies listed *inside* X-Forwarded-For, so behind one nginx
(X-Forwarded-For: the client, REMOTE_ADDR: nginx) TRUSTED_PROXY_COUNT=1 gave it no address at all.

Limits never store an address or an e-mail address: keys are keyed hashes (salted with SECRET_KEY)
that vanish with their window.
"""

import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.views import SignupView
from django.conf import settings
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit


def client_ip(request) -> str:
    """The client's address by the rule above."""
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote  # not through every proxy: only the connection's own address is known
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _hashed(kind: str, value: str) -> str:
    return salted_hmac(f"portal.limits.{kind}", value).hexdigest()


def client_key(group, request) -> str:
    """A django-ratelimit key: the client's address, hashed."""
    return _hashed("ip", client_ip(request))


def email_key(group, request) -> str:
    """A django-ratelimit key: the e-mail address a form was posted with, hashed and case-folded."""
    return _hashed("email", request.POST.get("email", "").strip().casefold())


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter, with the site's one rule for the client's address."""

    def get_client_ip(self, request) -> str:
        return client_ip(request)


def signup_per_address_rate(group, request) -> str:
    return f"{settings.SIGNUPS_PER_EMAIL_PER_HOUR}/h"


@method_decorator(
    ratelimit(group="signup-email", key=email_key, rate=signup_per_address_rate, method="POST"),
    name="dispatch",
)
class LimitedSignupView(SignupView):
    """allauth's sign-up, limited per e-mail address as well (allauth limits it per client address,
    ACCOUNT_RATE_LIMITS["signup"]): signing up again and again with someone else's address would fill
    that inbox with "you already have an account" mails. Over the limit: the Dutch 429 page
    (django-ratelimit's RatelimitMiddleware and RATELIMIT_VIEW)."""


def too_many_requests(request, exception=None):
    """The Dutch 429 page (django-ratelimit's RATELIMIT_VIEW; allauth renders the same 429.html)."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
