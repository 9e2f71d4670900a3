"""Sign-up abuse is limited per e-mail address and per client address; a whole school behind one
connection still signs up; the answer over a limit is the site's Dutch page, never a bare 429."""

import pytest
from django.conf import settings as project_settings

from .conftest import PASSWORD


def sign_up(client, email, ip="203.0.113.20", **headers):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    return client.post("/account/signup/", data, REMOTE_ADDR=ip, **headers)


def assert_dutch_429(response):
    assert response.status_code == 429
    text = response.content.decode()
    assert "Even geduld" in text and "opnieuw" in text
    assert 'lang="nl-BE"' in text and "site.css" in text  # the site's base template
    assert "Too Many Requests" not in text


@pytest.mark.django_db
def test_one_address_signed_up_again_and_again_is_stopped(client):
    limit = project_settings.SIGNUPS_PER_EMAIL_PER_HOUR
    for n in range(limit):  # from ever other addresses: the e-mail address is what counts
        assert sign_up(client, "Doelwit@school.test", ip=f"198.51.100.{n + 1}").status_code in (200, 302)
    assert_dutch_429(sign_up(client, "doelwit@school.test", ip="198.51.100.99"))
    assert sign_up(client, "iemand-anders@school.test").status_code == 302


@pytest.mark.django_db
def test_a_whole_school_behind_one_connection_signs_up(client):
    assert project_settings.ACCOUNT_RATE_LIMITS["signup"] == "100/h/ip"
    for n in range(30):
        assert sign_up(client, f"leraar{n}@school.test").status_code == 302, n


@pytest.mark.django_db
def test_the_limit_per_client_address_answers_in_dutch(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    assert sign_up(client, "a@school.test").status_code == 302
    assert sign_up(client, "b@school.test").status_code == 302
    assert_dutch_429(sign_up(client, "c@school.test"))
    assert sign_up(client, "c@school.test", ip="192.0.2.44").status_code == 302  # another address


@pytest.mark.django_db
def test_behind_a_proxy_limits_count_the_client_not_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/h/ip"}
    proxy = "10.0.0.2"
    assert sign_up(client, "a@school.test", ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert sign_up(client, "b@school.test", ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302
    assert_dutch_429(sign_up(client, "c@school.test", ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.2"))
