"""Values read once per request: the search index's version, the private sections of the site.

Inside a request the first call computes the value and later calls reuse it; outside a request
(management commands, the shell, tests without a client) every call computes afresh, so a change
made in between is always seen there.
"""

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_memo = threading.local()


def once_per_request(name: str, compute: Callable[[], T]) -> T:
    values = getattr(_memo, "values", None)
    if values is None:
        return compute()
    if name not in values:
        values[name] = compute()
    return values[name]


def forget(name: str) -> None:
    """Drop a remembered value (it changed during this request)."""
    values = getattr(_memo, "values", None)
    if values is not None:
        values.pop(name, None)


def start_request(**kwargs) -> None:
    _memo.values = {}


def finish_request(**kwargs) -> None:
    _memo.values = None
