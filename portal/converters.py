"""The `id` path converter: a database id in a URL, at most 2,147,483,647 (PostgreSQL's integer).

Django's `int` takes any number of digits, so /f/99999999999999999999/ reached the database and
failed there (OverflowError on SQLite, out of range on PostgreSQL): a 500 instead of a 404. With
`<id:pk>` such a path simply matches nothing."""

from .hygiene import MAX_ID


class IdConverter:
    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 0 < number <= MAX_ID:
            raise ValueError(value)  # the resolver then tries the next pattern, and ends in a 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))
