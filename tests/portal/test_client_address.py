"""One rule for the client's address: django-axes, allauth and django-ratelimit agree, with and
without a trusted proxy, and a header sent without a proxy changes nothing."""

import pytest
from allauth.account.adapter import get_adapter
from axes.helpers import get_client_ip_address
from django.test import RequestFactory

from portal.client_address import client_ip


def request(**meta):
    return RequestFactory().post("/account/signup/", **meta)


NGINX = "10.0.0.2"


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        (0, {"REMOTE_ADDR": "203.0.113.5"}, "203.0.113.5"),
        (0, {"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "198.51.100.9"}, "203.0.113.5"),
        (1, {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": "198.51.100.9"}, "198.51.100.9"),
        # The client made up the left entry; the proxy appended what it saw.
        (1, {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.9"}, "198.51.100.9"),
        (
            2,
            {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.9, 10.0.0.9"},
            "198.51.100.9",
        ),
        (1, {"REMOTE_ADDR": NGINX}, NGINX),  # past the proxy: only the connection is known
        (1, {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": "geen-adres"}, NGINX),
    ],
)
def test_axes_allauth_and_the_rate_limits_see_one_address(settings, proxies, meta, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    asked = request(**meta)
    assert client_ip(asked) == expected
    assert get_client_ip_address(asked) == expected  # django-axes
    assert get_adapter(asked).get_client_ip(asked) == expected  # allauth's rate limits
