"""When Elasticsearch hangs (a listener that accepts connections and never answers), one search waits
for the short timeout and the database answers; after that Elasticsearch is skipped for the cool-off,
so pages that search many times (landscape, home) do not wait again."""

import json
import socket
import threading
import time

import pytest

from search import service
from search.backends import selection
from search.params import SearchParams


class SilentListener:
    """Accepts TCP connections and never sends a byte; counts the connections."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.accepted, self._open, self._stop = 0, [], threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.accepted += 1
            self._open.append(conn)

    def close(self):
        self._stop.set()
        self._thread.join()
        for conn in self._open:
            conn.close()
        self.sock.close()


@pytest.fixture
def hanging_elasticsearch(settings):
    listener = SilentListener()
    settings.ELASTICSEARCH_URL = listener.url
    settings.ELASTICSEARCH_TIMEOUT_SECONDS = 0.3
    settings.ELASTICSEARCH_COOLDOWN_SECONDS = 1.0
    yield listener
    listener.close()
    selection._elasticsearch_backend_for.cache_clear()
    selection._breaker_for.cache_clear()


def test_one_search_waits_then_elasticsearch_is_skipped(corpus, hanging_elasticsearch):
    result = service.search(SearchParams(q="robots"))
    assert result.backend.startswith("database")
    assert [hit.title for hit in result.hits] == ["Robotica in de klas"]
    assert hanging_elasticsearch.accepted == 1
    for text in ["robots", "programmeren", "media", "klas", ""] * 4:
        assert service.search(SearchParams(q=text)).backend.startswith("database")
    assert hanging_elasticsearch.accepted == 1  # no further connection: skipped, not waited for


def test_after_the_cool_off_one_search_tries_again(corpus, hanging_elasticsearch):
    service.search(SearchParams(q="robots"))
    time.sleep(1.1)
    assert service.search(SearchParams(q="robots")).hits
    assert hanging_elasticsearch.accepted == 2
    service.search(SearchParams(q="klas"))
    assert hanging_elasticsearch.accepted == 2  # failed again: skipped again


def test_pages_with_many_searches_answer_during_an_outage(client, corpus, hanging_elasticsearch):
    for path in ["/landschap/", "/", "/aanbod/", "/zoeken/?q=robots", "/api/zoeken/?q=klas"]:
        assert client.get(path).status_code == 200, path
    assert hanging_elasticsearch.accepted == 1


def test_readyz_reports_the_skipped_backend(client, corpus, hanging_elasticsearch):
    service.search(SearchParams(q="robots"))
    response = client.get("/readyz")
    payload = json.loads(response.content)
    assert response.status_code == 200 and payload["status"] == "warning"
    assert payload["checks"]["search"]["status"] == "warning"
    assert "database antwoordt" in payload["checks"]["search"]["message"]
