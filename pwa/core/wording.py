"""Small wording rules the report and the import messages share."""

from __future__ import annotations


def plural(count: int, word: str) -> str:
    """'1 day', '3 days'."""
    return f"{count} {word}{'' if count == 1 else 's'}"
