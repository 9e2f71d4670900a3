"""Hostile input anywhere (a NUL byte, a lone surrogate, an over-long number, deeply nested JSON) is
refused with a 400 and a Dutch page, and nothing reaches a view, a cache or the database."""

import pytest

from portal import hygiene
from tests import factories


@pytest.fixture
def fiche(site_tree):
    actor = factories.actor("Actor Hygiëne", group=factories.partner_group("Groep Hygiëne"))
    return factories.action("Actie Hygiëne", organisers=[actor])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/teamronde/%00/",
        "/mijn-school/uitnodiging/%00/",
        "/zoeken/?q=a%00b",
        "/zoeken/?a%00=1",
        "/agenda/%00/",
        "/aanbod/?" + "%ED%A0%80=x",  # not UTF-8: Django reads it as U+FFFD, which is harmless
    ],
)
def test_a_nul_byte_in_the_path_or_query_gets_a_dutch_400_page(client, site_tree, url):
    response = client.get(url)
    if "%00" not in url:
        assert response.status_code < 500
        return
    body = response.content.decode()
    assert response.status_code == 400
    assert "ongeldig teken" in body and "Er is niets gewijzigd" in body
    assert 'class="site-header"' in body  # the site's own layout, not a bare error


@pytest.mark.django_db
def test_a_nul_byte_in_a_form_field_is_refused_before_the_view(client, site_tree):
    response = client.post("/teamronde/abc/", {"code": "a\x00b"})
    assert response.status_code == 400
    assert "ongeldig teken" in response.content.decode()


@pytest.mark.django_db
def test_an_empty_api_search_is_no_search(client, fiche):
    response = client.get("/api/v2/fiches/?search=%20")
    assert response.status_code == 200
    assert "Actie Hygiëne" in {item["title"] for item in response.json()["items"]}
    response = client.get("/api/v2/fiches/?search=%20Hygi%C3%ABne%20")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "value, expected",
    [
        ("12", 12),
        (" 12 ", 12),
        ("0", None),
        ("-1", None),
        ("9" * 20, None),
        ("9" * 5000, None),
        (str(2**31), None),
        (str(2**31 - 1), 2**31 - 1),
        ("²", None),
        ("١٢", None),
        ("", None),
        (True, None),
        (7, 7),
        (10**30, None),
    ],
)
def test_ids_are_bounded(value, expected):
    assert hygiene.parse_id(value) == expected


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"[" * 50_000 + b"]" * 50_000, "te diep genest"),
        (b'{"a": ' + b"9" * 5000 + b"}", "te lang"),
        (b'{"a": "x\\u0000y"}', "ongeldig teken"),
        (b'{"a\\ud800": 1}', "ongeldig teken"),
        (b"\xff\xfe", "geen UTF-8"),
        (b"{", "geen geldig JSON"),
        (b"[1]" + b" " * 200_000, "te groot"),
    ],
)
def test_json_documents_are_read_with_limits(raw, message):
    with pytest.raises(hygiene.BadInput, match=message):
        hygiene.load_json(raw, max_bytes=200_000)


def test_json_depth_skips_brackets_inside_strings():
    assert hygiene.json_depth('{"a": "[[[[{{{", "b": [[1]]}') == 3
    assert hygiene.load_json(b'{"a": [[["ok"]]]}', max_bytes=100) == {"a": [[["ok"]]]}
