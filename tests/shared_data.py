"""Data that many tests read, built once for all of them instead of once per test.

A fixture made with `shared_data` builds its data (the real inventory, the search corpus) the first time
a test asks for it, inside an outer transaction. The tests that use it run one after the other
(tests/conftest.py orders them so), each in a savepoint on top of it, as every `db` test does, so what a
test changes is rolled back before the next one. After the last of them the outer transaction is
rolled back too, and the tests that follow see the database without the data.

A test that runs apart from the others (an unusual selection or order) builds its own copy, as before.
In a conftest module:

    _corpus = SharedData("corpus", build_corpus)

    @pytest.fixture(scope="session")  # set up before the test's own transaction, a savepoint in it
    def _corpus_block(django_db_setup, django_db_blocker):
        yield from _corpus.session(django_db_blocker)

    @pytest.fixture
    def corpus(_corpus_block, db):
        return _corpus.get()

Each test gets a deep copy of the returned value (as Django's setUpTestData does), so one test's changes
to the model instances never reach the next.
"""

import copy
from collections.abc import Callable

# fixture name -> its block, for the ordering and closing hooks in tests/conftest.py
BLOCKS: dict[str, "SharedData"] = {}


class SharedData:
    def __init__(self, name: str, build: Callable[[], object]):
        self.name, self.build = name, build
        self.blocker = self.atomic = None
        self.value = None
        BLOCKS[name] = self

    def open(self, blocker) -> None:
        from django.db import transaction

        self.blocker = blocker
        with blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            self.value = self.build()

    @property
    def is_open(self) -> bool:
        return self.atomic is not None

    def close(self) -> None:
        if self.atomic is None:
            return
        from django.db import transaction

        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = self.value = None

    def used_by(self, item) -> bool:
        return self.name in getattr(item, "fixturenames", ())

    def session(self, blocker):
        """The body of the session-scoped `_<name>_block` fixture."""
        self.open(blocker)
        yield self
        self.close()

    def get(self):
        """The body of the function-scoped `<name>` fixture (which asks for `_<name>_block` and `db`)."""
        if self.is_open:
            return copy.deepcopy(self.value)
        return self.build()
