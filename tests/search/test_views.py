"""/zoeken/, /api/zoeken/ and the autocomplete: what a visitor and an API client get."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_search_page_shows_facets_chips_and_highlighted_results(client, corpus):
    html = client.get("/zoeken/", {"q": "robots", "gratis": "ja"}).content.decode()
    assert "Robotica in de klas" in html
    assert "<mark>robots</mark>" in html
    assert 'name="gratis" value="ja" checked' in html
    assert "Filter Gratis: Ja verwijderen" in html  # a removable chip
    assert 'href="/zoeken/?q=robots"' in html  # removing the chip keeps the query


def test_facet_checkboxes_show_counts(client, corpus):
    html = client.get("/zoeken/", {"pijler": "aanbod"}).content.decode()
    assert 'name="pijler" value="screening"' in html  # other values stay visible, with their counts
    assert 'Zicht op competenties <span class="count">(1)</span>' in html


def test_no_results_offers_to_drop_filters_and_a_spelling(client, corpus):
    html = client.get("/zoeken/", {"q": "robotika", "status": "afgelopen"}).content.decode()
    assert "We vonden niets" in html
    assert "Zoek zonder filters" in html
    assert "Bedoelde je" in html and "robotica" in html


def test_the_url_is_shareable(client, corpus):
    first = client.get(
        "/zoeken/", {"q": "digitale", "niveau": ["A1", "B1"], "sort": "titel"}
    ).content.decode()
    again = client.get("/zoeken/?q=digitale&niveau=A1&niveau=B1&sort=titel").content.decode()
    assert first == again


def test_the_api_answers_in_its_schema(client, corpus):
    response = client.get("/api/zoeken/", {"q": "robots", "page_size": "5"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    data = response.json()
    assert set(data) >= {
        "query",
        "total",
        "page",
        "page_size",
        "results",
        "facets",
        "ignored",
        "backend",
        "took_ms",
    }
    assert data["query"] == "robots" and data["page"] == 1 and data["page_size"] == 5
    result = data["results"][0]
    assert set(result) >= {
        "id",
        "type",
        "title",
        "url",
        "summary",
        "source",
        "digcompedu",
        "pijlers",
        "score",
    }
    assert result["url"].startswith("http://testserver/aanbod/")
    assert (
        result["source"] == "B.6.14"
        and result["digcompedu"] == ["6", "6.3"]
        and result["pijlers"] == ["aanbod"]
    )
    assert set(data["facets"]) == {
        "type",
        "digcompedu",
        "pijler",
        "niveau",
        "onderwijsniveau",
        "doelgroep",
        "vorm",
        "gratis",
        "leerlingen",
        "net",
        "status",
        "partnergroep",
    }
    assert all(set(v) == {"value", "label", "count"} for values in data["facets"].values() for v in values)
    assert data["backend"].startswith("database")


def test_the_api_caps_page_size_and_lists_what_it_ignored(client, corpus):
    data = client.get(
        "/api/zoeken/", {"page_size": "1000", "pijler": ["aanbod", "vliegen"], "kleur": "rood"}
    ).json()
    assert data["page_size"] == 100
    assert "pijler=vliegen" in data["ignored"] and "kleur" in data["ignored"]
    assert data["total"] == 5  # the known pillar still filters (4 actions and the actor)


def test_autocomplete_suggests_titles(client, corpus):
    data = client.get("/zoeken/suggesties/", {"q": "robo"}).json()
    assert [s["title"] for s in data["suggestions"]] == ["Robotica in de klas", "Robotica vzw"]
    assert client.get("/zoeken/suggesties/", {"q": "r"}).json()["suggestions"] == []


@pytest.mark.parametrize(
    "query",
    [
        {"q": "x" * 5000},
        {"q": '"unbalanced (quote AND OR NOT* NEAR( ^ : !'},
        {"q": "robots' OR 1=1; --"},
        {"pagina": "abc"},
        {"pagina": "-3"},
        {"pagina": "99999999999999999999"},
        {"sort": "; DROP TABLE"},
        {"digcompedu": "7.9", "type": "<script>"},
    ],
)
def test_bad_input_never_breaks_the_page_or_the_api(client, corpus, query):
    assert client.get("/zoeken/", query).status_code == 200
    response = client.get("/api/zoeken/", query)
    assert response.status_code == 200
    assert "<script>" not in client.get("/zoeken/", query).content.decode().split("</h1>", 1)[1]


def test_a_long_query_is_cut_and_says_so(client, corpus):
    html = client.get("/zoeken/", {"q": "robots " * 1000}).content.decode()
    assert "eerste 500 tekens" in html
    assert (
        client.get("/api/zoeken/", {"q": "robots " * 1000}).json()["query"]
        == ("robots " * 1000)[:500].strip()
    )


def test_only_get_is_allowed(client, corpus):
    assert client.post("/zoeken/", {"q": "x"}).status_code == 405


def test_a_section_index_is_the_search_narrowed_to_its_kind(client, corpus):
    html = client.get("/aanbod/", {"gratis": "ja"}).content.decode()
    assert "Robotica in de klas" in html and "Robotica vzw" not in html  # an actor is not an offer
    assert 'name="type"' not in html  # the kind is fixed by the section
    assert 'action="/aanbod/"' in html
    assert 'href="/aanbod/"' in html  # removing the chip stays in the section
    actors = client.get("/actoren/").content.decode()
    assert "Robotica vzw" in actors and "Robotica in de klas" not in actors


def test_control_characters_are_refused_with_a_dutch_page(client, corpus):
    for url in ("/zoeken/", "/api/zoeken/"):
        response = client.get(url, {"q": "\x00\x01 robots"})
        assert response.status_code == 400  # portal.hygiene, before any view
        assert "ongeldig teken" in response.content.decode()
