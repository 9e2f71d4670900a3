"""A database that does not answer (a restart, a failover) gives a Dutch "back in a moment" page with
503 and Retry-After instead of a plain 500, so browsers, crawlers and load balancers try again.

Installed as the site's handler500 (portal/urls.py): Django calls it for an exception raised anywhere
in a request, in a view or in a middleware (a session saved after the view), which a middleware's
process_exception would not see. The page renders without the database (no request context, no
menus from the database); cached pages are still served by the page cache before any of this.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as default_server_error

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_down(error: BaseException | None) -> bool:
    """The error, or one it was raised from, means the database did not answer."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_DOWN):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request, *args, **kwargs):
    if database_down(sys.exc_info()[1]):
        return database_unavailable()
    return default_server_error(request, *args, **kwargs)


def database_unavailable() -> HttpResponse:
    body = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
