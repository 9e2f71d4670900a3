"""The Wagtail admin login, limited per client address across usernames.

django-axes locks a username for one address after a few wrong passwords; that does not stop one
address trying one password on many names. Failed logins are counted here per client address
(django-ratelimit, the site's one address rule); past ADMIN_LOGIN_FAILURES_RATE the login answers
the Dutch 429 page until the window ends. Good logins are not counted.
"""

from django.conf import settings
from django_ratelimit.core import get_usage
from wagtail.admin.views.account import LoginView

from .client_address import client_key, too_many_requests

GROUP = "admin-login-failed"


def _failures(request, increment: bool):
    return get_usage(
        request, group=GROUP, key=client_key, rate=settings.ADMIN_LOGIN_FAILURES_RATE, increment=increment
    )


class LimitedLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        usage = _failures(request, increment=False)
        if usage is not None and usage["count"] >= usage["limit"]:
            return too_many_requests(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        _failures(self.request, increment=True)
        return super().form_invalid(form)
