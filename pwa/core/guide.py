"""Guide chapters: Markdown text with a small front matter, parsed into plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

REQUIRED_FIELDS = ("id", "title", "order", "summary", "last_reviewed")


class ContentError(ValueError):
    """A chapter file that cannot be used, with the reason in plain words."""


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    order: int
    summary: str
    last_reviewed: dt.date
    body: str


def parse_chapter(text: str, source: str = "<chapter>") -> Chapter:
    """Parse `---`-delimited `key: value` front matter followed by a Markdown body."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        raise ContentError(f"{source}: must start with a '---' front matter block")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ContentError(f"{source}: front matter is not closed with '---'") from None

    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ContentError(f"{source}:{number}: expected 'key: value', got {line!r}")
        fields[key.strip()] = value.strip()

    missing = [f for f in REQUIRED_FIELDS if not fields.get(f)]
    if missing:
        raise ContentError(f"{source}: front matter is missing {', '.join(missing)}")
    try:
        order = int(fields["order"])
    except ValueError:
        raise ContentError(f"{source}: order must be a whole number") from None
    try:
        reviewed = dt.date.fromisoformat(fields["last_reviewed"])
    except ValueError:
        raise ContentError(f"{source}: last_reviewed must be a date like 2026-11-23") from None

    return Chapter(
        id=fields["id"],
        title=fields["title"],
        order=order,
        summary=fields["summary"],
        last_reviewed=reviewed,
        body="\n".join(lines[end + 1 :]).strip() + "\n",
    )


def sorted_chapters(chapters: list[Chapter]) -> list[Chapter]:
    """Reading order; duplicate ids are a content error."""
    seen: set[str] = set()
    for chapter in chapters:
        if chapter.id in seen:
            raise ContentError(f"two chapters share the id {chapter.id!r}")
        seen.add(chapter.id)
    return sorted(chapters, key=lambda c: (c.order, c.id))
