"""Every URL pattern of the portal, with hostile values in its path parameters and hostile form bodies,
answers without a server error: as an anonymous visitor and as a logged-in school member.

The patterns come from the resolver itself (a new URL is fuzzed without being listed here); each
parameter gets a fixed set of hostile values (NUL, 20+ digit numbers, long strings, bytes that are no
UTF-8, `%26` tricks), then Hypothesis adds drawn text, derandomized so every run asks the same. The
suite runs on SQLite and on PostgreSQL (CI runs both): NUL bytes behave differently there.
"""

import functools
import re
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.regex_helper import normalize
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schools.models import Plan, TeamRound
from tests import factories
from tests.schools.conftest import make_account

HOSTILE = ["%00", "a%00b", "9" * 25, "x" * 300, "%ED%A0%80", "%F4%90%80%80", "1%26q%3Dx", "-1", "0", "1"]
HOSTILE_ADMIN = ["%00", "9" * 25, "%ED%A0%80"]
HOSTILE_BODY = {
    "title": "Titel\x00",
    "code": "9" * 5000,
    "email": "a\x00@b.test",
    "offers": "9" * 25,
    "ronde": "9" * 5000,
    "fiche": "9" * 25,
    "participants": "9" * 25,
    "q": "\x00",
    "inhoud": "%%%",
    "login": "x" * 300,
}
HOSTILE_BODY_PLAIN = {key: value.replace("\x00", "") for key, value in HOSTILE_BODY.items()}
# Paths that are not the portal's own answers to a visitor: served files and the logout, which
# would end the logged-in member's session for the rest of the run.
SKIP = re.compile(r"^(static/|media/|account/logout/)")


def _walk(patterns, prefix=""):
    for entry in patterns:
        regex = prefix + entry.pattern.regex.pattern.lstrip("^")
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, regex.removesuffix("$").removesuffix(r"\Z"))
        elif isinstance(entry, URLPattern):
            yield regex


@functools.cache
def url_templates() -> list[tuple[str, list[str]]]:
    """(format string, parameter names) for every URL pattern, each once."""
    seen = {}
    for regex in _walk(get_resolver().url_patterns):
        for template, params in normalize(regex):
            if not SKIP.match(template):
                seen.setdefault(template, list(params))
    return sorted(seen.items())


def fill(template: str, params: list[str], value: str) -> str:
    return "/" + (template % dict.fromkeys(params, value) if params else template)


@pytest.fixture
def world(site_tree):
    """A small portal: a fiche, a school with a member, a plan and an open round."""
    actor = factories.actor("Actor Fuzz", group=factories.partner_group("Groep Fuzz"))
    factories.action("Actie Fuzz", organisers=[actor])
    member = make_account("lid@fuzz.test")
    from schools.models import Membership, School

    school = School.objects.create(name="School Fuzz", network="go", levels=["lager"])
    Membership.objects.create(school=school, user=member, role="beheerder")
    Plan.objects.create(school=school, school_year="2026-2027")
    TeamRound.objects.create(school=school, title="Ronde Fuzz")
    return member


def _check(client, method, url, data=None):
    response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
    assert response.status_code < 500, (method, url, response.status_code)


def test_every_url_pattern_is_found(db):
    templates = dict(url_templates())
    for expected in ("teamronde/%(token)s/", "mijn-school/plannen/%(pk)s/", "api/v2/fiches/"):
        assert expected in templates
    assert len(templates) > 200  # the portal's own URLs and the Wagtail admin's


def test_every_url_with_hostile_path_values_as_anonymous_and_as_member(client, world):
    for template, params in url_templates():  # the admin: a school member is as anonymous there
        if template.startswith("admin/"):
            for value in HOSTILE_ADMIN if params else [""]:
                _check(client, "get", fill(template, params, value))
    portal = [(t, p) for t, p in url_templates() if not t.startswith("admin/")]
    for user in (None, world):
        if user is not None:
            client.force_login(user)
        for template, params in portal:
            for value in HOSTILE if params else [""]:
                _check(client, "get", fill(template, params, value))


def test_every_portal_form_with_a_hostile_body_as_anonymous_and_as_member(client, world):
    templates = [(t, p) for t, p in url_templates() if not t.startswith(("admin/", "documenten/"))]
    for user in (None, world):
        if user is not None:
            client.force_login(user)
        for template, params in templates:
            url = fill(template, params, "1")
            _check(client, "post", url, HOSTILE_BODY)  # refused whole by the hygiene middleware
            _check(client, "post", url, HOSTILE_BODY_PLAIN)  # reaches the view: its own checks
            if user is not None:
                client.force_login(user)  # a form that logs out (or wipes the account) ends nothing


path_values = st.one_of(
    st.text(max_size=30).map(lambda text: quote(text, safe="")),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(HOSTILE),
)


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_drawn_values_in_portal_urls_never_give_a_server_error(client, world, data):
    templates = [(t, p) for t, p in url_templates() if p and not t.startswith("admin/")]
    template, params = data.draw(st.sampled_from(templates))
    if data.draw(st.booleans()):
        client.force_login(world)
    else:
        client.logout()
    value = data.draw(path_values)
    _check(client, "get", fill(template, params, value))
    body = data.draw(st.dictionaries(st.sampled_from(sorted(HOSTILE_BODY)), st.text(max_size=40), max_size=4))
    _check(client, "post", fill(template, params, value), body)
