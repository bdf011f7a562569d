"""Small wording rules the report and the import messages share."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 day', '3 days'; '1 entry', '3 entries' with `many` for a word that does not just add an s."""
    return f"{count} {word if count == 1 else many or word + 's'}"
