"""Structured logs: every log line of a request carries its request id, and LOG_FORMAT=json writes one
JSON object per line (time, level, logger, message, request id, method, path, exception).

The id comes from the reverse proxy's X-Request-ID when it looks like one (so the proxy's access log
and ours share it), otherwise it is made here; the response carries it back in X-Request-ID, so a
visitor reporting an error can quote it. Nothing personal is logged: no address, no query string.
"""

import contextvars
import json
import logging
import re
import uuid

import sentry_sdk
from django.core.signals import request_finished

REQUEST = contextvars.ContextVar("portal_request", default=None)
HEADER = "X-Request-ID"
ACCEPTED_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdMiddleware:
    """First in MIDDLEWARE: even a page-cache hit or a 503 gets an id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = offered if ACCEPTED_ID.fullmatch(offered) else uuid.uuid4().hex
        request.request_id = request_id
        # Kept until the response is closed (request_finished): Django logs "Not Found" and errors
        # after the last middleware has returned.
        REQUEST.set((request_id, request.method, request.path_info[:200]))
        sentry_sdk.set_tag("request_id", request_id)  # a no-op unless SENTRY_DSN is set
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


def forget_request(**kwargs) -> None:
    REQUEST.set(None)


def connect() -> None:
    """Called once from OperationsConfig.ready()."""
    request_finished.connect(forget_request, dispatch_uid="request-log-forget")


class RequestIdFilter(logging.Filter):
    """Adds request_id, method and path ("-" outside a request) to every record."""

    def filter(self, record):
        request_id, method, path = REQUEST.get() or ("-", "-", "-")
        record.request_id, record.method, record.path = request_id, method, path
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
            "method": getattr(record, "method", "-"),
            "path": getattr(record, "path", "-"),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
