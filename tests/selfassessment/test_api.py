"""POST /api/zelfevaluatie/ and GET /api/zelfevaluatie/<code>/: the answer's shape and every bad input."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfassessment import codes
from selfassessment.framework import COMPETENCES

URL = "/api/zelfevaluatie/"


def post(client, body, raw=False):
    data = body if raw else json.dumps(body)
    return client.post(URL, data, content_type="application/json")


def test_levels_give_the_whole_result(client, offer):
    offer("Begeleiden met platformen", competences=["3.2"], levels=["B1"], forms=["intervisie"])
    levels = {code: "B2" for code in COMPETENCES} | {"3.2": "A2", "2.1": "A2", "1.1": "A1"}
    response = post(client, {"levels": levels})
    assert response.status_code == 200
    data = response.json()
    assert data["competences"]["3.2"] == "A2" and data["areas"]["1"] == "B2" and data["overall"] == "B2"
    assert data["priorities"] == ["1.1", "2.1", "3.2"]
    assert codes.decode(data["code"]).levels["3.2"] == 1
    recommendation = data["recommendations"][2]
    assert recommendation["competence"] == "3.2" and recommendation["target_level"] == "B1"
    assert recommendation["reason"].startswith("omdat je op 3.2")
    offer_data = recommendation["offers"][0]
    assert set(offer_data) == {"id", "title", "url", "levels", "forms", "cost", "status", "level_note"}
    assert offer_data["level_note"] is None  # the offer is at the promised level
    assert offer_data["url"].startswith("http://testserver/")
    assert offer_data["levels"] == ["B1"] and offer_data["forms"] == ["intervisie"]
    assert offer_data["cost"] == "gratis" and offer_data["status"] == "doorlopend"


def test_answers_and_area_levels(client, db):
    data = post(client, {"answers": {"2.1": 1, "2.2": None, "2.3": 5}}).json()
    assert data["competences"]["2.1"] == "A2" and data["competences"]["2.2"] is None
    assert data["areas"]["2"] == "A2" and data["competences"]["1.1"] is None
    data = post(client, {"levels": {"4": "b1", "4.3": "A1"}, "marked": ["6.1"]}).json()
    assert data["competences"]["4.1"] == "B1" and data["competences"]["4.3"] == "A1"
    assert data["marked"] == ["6.1"]  # kept, but 6.1 has no level, so it is no priority
    assert data["priorities"] == ["4.3", "4.1", "4.2"]


def test_the_code_gives_the_same_answer(client, db):
    first = post(client, {"levels": {"3.2": "A2", "1.1": "C1"}, "marked": ["1.1"]}).json()
    again = client.get(f"{URL}{first['code']}/").json()
    assert again == first


TOO_MANY = {f"{i}.{j}": "A1" for i in range(100) for j in range(100)}


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"levels": {"9.9": "A1"}}, "geen DigCompEdu-competentie"),
        ({"levels": {"2.1": "D1"}}, "A1, A2, B1, B2, C1 of C2"),
        ({"levels": {"2.1": 3}}, "A1, A2"),
        ({"answers": {"2.1": 6}}, "van 0 (A1) tot 5 (C2)"),
        ({"answers": {"2.1": -1}}, "van 0 (A1) tot 5 (C2)"),
        ({"answers": {"2.1": "3"}}, "van 0 (A1) tot 5 (C2)"),
        ({"answers": {"2.1": True}}, "van 0 (A1) tot 5 (C2)"),
        ({"answers": {"2.1": 2.5}}, "van 0 (A1) tot 5 (C2)"),
        ({"answers": {}}, "leeg"),
        ({"answers": {"2.1": None}}, "geen enkel niveau"),
        ({"answers": [1, 2]}, "object"),
        ({}, "JSON-object"),
        ([], "JSON-object"),
        ("B1", "JSON-object"),
        ({"levels": {"2.1": "A1"}, "answers": {"2.1": 0}}, "niet allebei"),
        ({"level": {"2.1": "A1"}}, "Onbekende sleutel"),
        ({"levels": {"2.1": "A1"}, "marked": "2.1"}, "lijst"),
        ({"levels": {"2.1": "A1"}, "marked": ["7.7"]}, "geen DigCompEdu-competentie"),
        ({"levels": TOO_MANY}, "te groot"),
    ],
)
def test_bad_bodies_get_a_dutch_400(client, db, body, words):
    response = post(client, body)
    assert response.status_code == 400
    assert words in response.json()["error"]


@pytest.mark.parametrize("raw", ["", "{", "niet json", "\xff", '{"levels": {"2.1": "A1"}'])
def test_broken_json_gets_a_400(client, db, raw):
    response = post(client, raw, raw=True)
    assert response.status_code == 400 and response.json()["error"]


def test_many_keys_in_a_small_body(client, db):
    body = {"answers": {f"{i}": 1 for i in range(60)}}
    response = post(client, body)
    assert response.status_code == 400 and "sleutels" in response.json()["error"]


def test_bad_codes_get_a_dutch_400(client, db):
    good = codes.encode({"1.1": 2})
    for bad in (good[:-1], good[:-1] + ("0" if good[-1] != "0" else "1"), "niet-een-code", "1" * 200):
        response = client.get(f"{URL}{bad}/")
        assert response.status_code == 400
        assert "resultaatcode" in response.json()["error"].lower()


def test_other_methods_are_refused_not_crashed(client, db):
    assert client.get(URL).status_code == 405
    assert client.put(f"{URL}{codes.encode({'1.1': 2})}/").status_code == 405


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=12,
)
BODIES = st.dictionaries(
    st.sampled_from(["levels", "answers", "marked", "x"]),
    JSON_VALUES
    | st.dictionaries(
        st.sampled_from([*COMPETENCES, "1", "7", "2.9", ""]),
        st.none() | st.integers(-2, 7) | st.sampled_from(["A1", "B2", "C3", "c1", ""]),
        max_size=8,
    ),
    max_size=3,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=BODIES | JSON_VALUES)
def test_any_body_gets_a_result_or_a_clear_400(client, db, body):
    response = post(client, body)
    assert response.status_code in (200, 400)
    data = response.json()
    if response.status_code == 400:
        assert isinstance(data["error"], str) and data["error"]
    else:
        assert set(data["competences"]) == set(COMPETENCES) and data["code"]
