"""The self-assessment in a browser without JavaScript (Django's test client): every step, the
shortcut, the result, comparing, exports, and a friendly page for every bad input."""

import re

import pytest

from selfassessment import codes
from selfassessment.framework import AREAS, COMPETENCES, COMPETENCES_OF

pytestmark = pytest.mark.django_db


def step_post(client, step, answers, go="volgende", marked=(), carried=None):
    """Like a browser: the fields of the page the teacher is on plus the hidden ones it carries."""
    data = {"stap": str(step), "ga": go} | (carried or {})
    data |= {f"a-{code}": value for code, value in answers.items()}
    data |= {f"p-{code}": "ja" for code in marked}
    return client.post("/zelfevaluatie/vragen/", data)


def hidden_fields(html):
    return dict(re.findall(r'<input type="hidden" name="([ap]-[0-9.]+)" value="([^"]*)">', html))


def test_the_whole_instrument_without_javascript(client, site_tree, offer):
    offer("Begeleiden in de klas", competences=["3.2"], levels=["A2"])
    start = client.get("/zelfevaluatie/")
    assert start.status_code == 200 and "Begin de zelfevaluatie" in start.text
    page = client.get("/zelfevaluatie/vragen/")
    assert "Stap 1 van 6" in page.text and page.text.count('type="radio"') == 4 * 7
    assert "Niet van toepassing" in page.text and "Hier wil ik eerst aan werken" in page.text
    carried = {}
    for step, area in enumerate(AREAS, start=1):
        mine = {
            code: ("0" if code == "3.2" else "nvt" if code == "6.5" else "3") for code in COMPETENCES_OF[area]
        }
        response = step_post(
            client,
            step,
            mine,
            go="resultaat" if step == 6 else "volgende",
            marked=["4.1"] if area == "4" else (),
            carried=carried,
        )
        if step < 6:
            assert response.status_code == 200
            assert f"Stap {step + 1} van 6" in response.text
            carried = hidden_fields(response.text)
            assert set(carried) >= {f"a-{code}" for code in COMPETENCES_OF[area]}
    assert response.status_code == 302
    result_url = response["Location"]
    decoded = codes.decode(result_url.rstrip("/").rsplit("/", 1)[1])
    assert decoded.levels["3.2"] == 0 and decoded.levels["6.5"] is None and decoded.levels["1.1"] == 3
    assert decoded.marked == {"4.1"}
    result = client.get(result_url)
    assert result.status_code == 200
    assert "<svg" in result.text and "<table" in result.text
    assert "3.2 Begeleiden" in result.text and "Begeleiden in de klas" in result.text
    assert "omdat je op 3.2 Begeleiden A1 scoort; dit aanbod richt zich op A2" in result.text
    assert "Meer aanbod voor 3.2" in result.text


def test_back_keeps_the_answers_and_missing_answers_are_asked_again(client, site_tree):
    response = step_post(client, 1, {"1.1": "2", "1.2": "2"})
    assert response.status_code == 400
    assert "Kies bij elke vraag een antwoord" in response.text and "Stap 1 van 6" in response.text
    assert 'id="a-1.1-2" value="2" checked' in response.text
    answers = {code: "1" for code in COMPETENCES_OF["1"]}
    step_two = step_post(client, 1, answers)
    assert "Stap 2 van 6" in step_two.text
    back = step_post(client, 2, {"2.1": "4"}, go="vorige", carried=hidden_fields(step_two.text))
    assert "Stap 1 van 6" in back.text and 'id="a-1.1-1" value="1" checked' in back.text
    assert hidden_fields(back.text)["a-2.1"] == "4"


def test_tampered_form_values_are_asked_again_not_crashed(client, site_tree):
    response = client.post("/zelfevaluatie/vragen/", {"stap": "x", "a-1.1": "9", "a-9.9": "1", "ga": "boem"})
    assert response.status_code == 400 and "Stap 1 van 6" in response.text
    response = client.post("/zelfevaluatie/vragen/", {"stap": "99", "ga": "resultaat"})
    assert response.status_code == 400 and "Stap 6 van 6" in response.text


def test_all_not_applicable_is_a_friendly_message(client, site_tree):
    answers = {code: "nvt" for code in COMPETENCES}
    response = step_post(client, 6, answers, go="resultaat")
    assert response.status_code == 400 and "niet van toepassing" in response.text


def test_the_shortcut_goes_straight_to_the_recommendations(client, site_tree):
    page = client.get("/zelfevaluatie/ik-heb-een-resultaat/")
    assert page.status_code == 200 and "Ik heb al een resultaat" in page.text
    response = client.post("/zelfevaluatie/ik-heb-een-resultaat/", {"n-3": "B1", "n-3.2": "A2", "n-1": ""})
    assert response.status_code == 302
    decoded = codes.decode(response["Location"].rstrip("/").rsplit("/", 1)[1])
    assert decoded.levels["3.1"] == 2 and decoded.levels["3.2"] == 1 and decoded.levels["1.1"] is None
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(("data", "words"), [({}, "minstens"), ({"n-2": "Z9"}, "moet A1")])
def test_bad_shortcut_input_is_a_friendly_page(client, site_tree, data, words):
    response = client.post("/zelfevaluatie/ik-heb-een-resultaat/", data)
    assert response.status_code == 400 and words in response.text


def test_bad_result_codes_are_a_friendly_page(client, site_tree):
    good = codes.encode({"1.1": 2})
    for bad in (good[:-3], good[:-1] + ("0" if good[-1] != "0" else "1"), "ONZIN", "1" * 300):
        for suffix in ("", "json/", "pdf/"):
            response = client.get(f"/zelfevaluatie/resultaat/{bad}/{suffix}")
            assert response.status_code == 400
            assert "Deze resultaatcode werkt niet" in response.text
    response = client.get(f"/zelfevaluatie/resultaat/{good}/?vorige=kapot")
    assert response.status_code == 400


def test_a_pasted_code_is_tidied_into_one_address(client, site_tree):
    code = codes.encode({"1.1": 2})
    response = client.get(f"/zelfevaluatie/resultaat/{code.lower()}/")
    assert response.status_code == 302 and response["Location"] == f"/zelfevaluatie/resultaat/{code}/"


def test_compare_shows_what_went_up(client, site_tree):
    before = codes.encode({code: 1 for code in COMPETENCES})
    now = codes.encode({code: 1 for code in COMPETENCES} | {"2.1": 3})
    response = client.get("/zelfevaluatie/vergelijk/", {"vorige": before, "nu": now.lower()})
    assert response.status_code == 302
    assert response["Location"] == f"/zelfevaluatie/resultaat/{now}/?vorige={before}"
    page = client.get(response["Location"])
    assert "Wat is gestegen" in page.text and "2.1 Selecteren: van A2 naar B2" in page.text
    assert "+2 hoger" in page.text and "radar-before" in page.text
    assert client.get("/zelfevaluatie/vergelijk/", {"vorige": "x", "nu": now}).status_code == 400


def test_json_export(client, site_tree):
    code = codes.encode({"1.1": 2, "2.1": 0})
    response = client.get(f"/zelfevaluatie/resultaat/{code}/json/")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = response.json()
    assert data["code"] == code and data["competences"]["1.1"] == "B1"


def test_pdf_export(client, site_tree, offer):
    offer("Aanbod voor selecteren", competences=["2.1"], levels=["A2"])
    code = codes.encode({"1.1": 2, "2.1": 0})
    response = client.get(f"/zelfevaluatie/resultaat/{code}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and len(response.content) > 5000


def test_result_page_queries_stay_bounded(client, site_tree, offer, django_assert_max_num_queries):
    for n in range(8):
        offer(f"Aanbod {n}", competences=["3.2", "1.1"], levels=["A2", "B1"], forms=["netwerk"])
    code = codes.encode({code: 0 for code in COMPETENCES})
    client.get(f"/zelfevaluatie/resultaat/{code}/")  # warms the search caches
    with django_assert_max_num_queries(8):
        assert client.get(f"/zelfevaluatie/resultaat/{code}/").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/zelfevaluatie/vragen/").status_code == 200


def test_nothing_is_stored(client, site_tree):
    from selfassessment.models import CompetenceQuestion

    assert CompetenceQuestion.objects.count() == 22
    client.get("/zelfevaluatie/vragen/")
    step_post(client, 1, {code: "2" for code in COMPETENCES_OF["1"]})
    client.post("/api/zelfevaluatie/", {"levels": {"1.1": "A1"}}, content_type="application/json")
    client.post("/zelfevaluatie/ik-heb-een-resultaat/", {"n-1": "A2"})
    assert CompetenceQuestion.objects.count() == 22
    assert not client.cookies  # no session, no CSRF cookie: nothing about the teacher


def test_absurd_forms_get_a_friendly_400(client, site_tree):
    fields = {f"a-{n}": "1" for n in range(9_000)}
    response = client.post("/zelfevaluatie/vragen/", fields)
    assert response.status_code == 400 and "Kies bij elke vraag een antwoord" in response.text
    response = client.post("/zelfevaluatie/ik-heb-een-resultaat/", {f"x-{n}": "A1" for n in range(9_000)})
    assert response.status_code == 400 and "Kies minstens" in response.text
    too_many = {f"a-{n}": "1" for n in range(20_000)}  # more fields than Django reads
    for url in ("/zelfevaluatie/vragen/", "/zelfevaluatie/ik-heb-een-resultaat/"):
        response = client.post(url, too_many)
        assert response.status_code == 400 and "Deze aanvraag klopt niet" in response.text


@pytest.mark.engine_independent
def test_pages_have_no_html_errors(client, site_tree, vnu, offer):
    offer("Begeleiden", competences=["3.2"], levels=["B1"])
    code = codes.encode({code: 1 for code in COMPETENCES})
    pages = {
        "start": "/zelfevaluatie/",
        "stap": "/zelfevaluatie/vragen/",
        "kortweg": "/zelfevaluatie/ik-heb-een-resultaat/",
        "resultaat": f"/zelfevaluatie/resultaat/{code}/",
        "vergelijk": f"/zelfevaluatie/resultaat/{code}/?vorige={code}",
        "foute-code": "/zelfevaluatie/resultaat/ONZIN/",
    }
    html = {name: client.get(url).content for name, url in pages.items()}
    html["fout"] = step_post(client, 1, {}).content
    vnu(html)


def test_home_digcompedu_and_offer_pages_link_to_the_self_assessment(client, site_tree, offer):
    action = offer("Netwerk begeleiden", competences=["3.2"], levels=["A2", "B1"])
    bare = offer("Zonder niveau", competences=["3.2"])
    for url in ("/", "/digcompedu/3/", "/digcompedu/3.2/"):
        page = client.get(url)
        assert '<a href="/zelfevaluatie/">Test je niveau</a>' in page.text, url
    page = client.get(action.url)
    assert "Bedoeld voor</dt><dd>niveau A2, B1." in page.text
    assert f'<a href="/mijn-leerpad/past-dit-bij-mij/{action.pk}/">Past dit bij mij?</a>' in page.text
    assert "elk niveau (niet opgegeven)" in client.get(bare.url).text


def test_the_api_is_documented(client, db):
    page = client.get("/api/")
    assert "/api/zelfevaluatie/" in page.text and '"levels": {"2.1": "A2"' in page.text


def test_editors_change_the_questions_in_the_admin(admin_client, site_tree):
    from selfassessment.models import CompetenceQuestion

    listing = admin_client.get("/admin/snippets/selfassessment/competencequestion/")
    assert listing.status_code == 200 and "Hoe werk je digitaal samen met collega" in listing.text
    question = CompetenceQuestion.objects.get(competence__code="1.2")
    edit = admin_client.get(f"/admin/snippets/selfassessment/competencequestion/edit/{question.pk}/")
    assert edit.status_code == 200 and "antwoord b1 (integrator)" in edit.text.lower()
    question.option_b1 = "Ik deel mijn materiaal altijd in de gedeelde map van de vakgroep."
    question.save()
    assert (
        "Ik deel mijn materiaal altijd in de gedeelde map van de vakgroep."
        in admin_client.get("/zelfevaluatie/vragen/").text
    )


def test_every_question_has_six_distinct_practice_options(db):
    from selfassessment.models import CompetenceQuestion

    questions = list(CompetenceQuestion.objects.select_related("competence"))
    assert sorted(q.competence.code for q in questions) == sorted(COMPETENCES)
    for question in questions:
        texts = [text for _value, _level, text in question.options]
        assert len(set(texts)) == 6 and all(len(text) > 20 for text in texts), question
        assert question.question.endswith("?")


def test_without_questions_the_instrument_says_so(client, site_tree):
    from selfassessment.models import CompetenceQuestion

    CompetenceQuestion.objects.all().delete()
    response = client.get("/zelfevaluatie/vragen/")
    assert response.status_code == 503 and "De vragen van de zelfevaluatie zijn er nog niet" in response.text
    assert client.post("/zelfevaluatie/vragen/", {"stap": "1"}).status_code == 503
