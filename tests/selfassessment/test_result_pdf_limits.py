"""The result PDF takes seconds to render: it is rendered once per code (and catalogue version), and
each client address may have only so many rendered; cached ones are free."""

from unittest import mock

import pytest

from selfassessment import codes, pdf


@pytest.fixture
def counted_renders(monkeypatch):
    calls = []

    def fake_render(request, template, context):
        calls.append(template)
        return b"%PDF-1.7 nep"

    monkeypatch.setattr(pdf, "render_pdf", fake_render)
    return calls


def pdf_url(levels):
    return f"/zelfevaluatie/resultaat/{codes.encode(levels)}/pdf/"


def test_the_same_code_is_rendered_once(client, site_tree, counted_renders):
    url = pdf_url({"1.1": 2, "2.1": 0})
    first, second = client.get(url), client.get(url, REMOTE_ADDR="198.51.100.3")
    assert first.status_code == second.status_code == 200
    assert first.content == second.content == b"%PDF-1.7 nep"
    assert len(counted_renders) == 1
    client.get(pdf_url({"1.1": 1}))
    assert len(counted_renders) == 2  # another code, another PDF


def test_one_address_asking_many_codes_meets_a_dutch_limit(client, site_tree, counted_renders, settings):
    settings.RESULT_PDF_RATE = "3/h"
    answers = [client.get(pdf_url({"1.1": level})).status_code for level in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = client.get(pdf_url({"1.2": 1}))
    assert refused.status_code == 429 and "Even geduld" in refused.content.decode()
    assert client.get(pdf_url({"1.1": 0})).status_code == 200  # already rendered: free
    other = client.get(pdf_url({"1.2": 1}), REMOTE_ADDR="198.51.100.4")
    assert other.status_code == 200 and len(counted_renders) == 4


def test_a_publish_renders_it_again(client, site_tree, counted_renders):
    url = pdf_url({"1.1": 2})
    client.get(url)
    with mock.patch("search.cache.index_version", return_value="na-publicatie"):
        client.get(url)
    assert len(counted_renders) == 2
