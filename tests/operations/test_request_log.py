"""Every response carries a request id, every log line of that request carries the same id, and
LOG_FORMAT=json writes one JSON object per line."""

import json
import logging

from operations.request_log import JsonFormatter, RequestIdFilter


class Captured(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []
        self.addFilter(RequestIdFilter())

    def emit(self, record):
        self.records.append(record)


def test_a_request_and_its_log_lines_share_one_id(client, site_tree):
    handler = Captured()
    logging.getLogger("django.request").addHandler(handler)
    try:
        response = client.get("/bestaat-niet/")
    finally:
        logging.getLogger("django.request").removeHandler(handler)
    request_id = response["X-Request-ID"]
    assert response.status_code == 404 and len(request_id) == 32
    assert [r.request_id for r in handler.records] == [request_id]  # "Not Found: /bestaat-niet/"
    line = json.loads(JsonFormatter().format(handler.records[0]))
    assert line["request_id"] == request_id and line["level"] == "WARNING"
    assert line["path"] == "/bestaat-niet/" and line["method"] == "GET" and line["status"] == 404


def test_the_proxys_id_is_kept_and_a_strange_one_replaced(client, db):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="nginx-0123456789ab")["X-Request-ID"] == (
        "nginx-0123456789ab"
    )
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID="<script>\n")["X-Request-ID"]
    assert replaced != "<script>\n" and len(replaced) == 32
