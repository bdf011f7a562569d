"""Guide chapters: Markdown text with a small front matter, parsed into plain values."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

REQUIRED_FIELDS = ("id", "title", "order", "summary", "last_reviewed")
INTERNAL_LINK_SCHEME = "chapter:"
REFERENCES_HEADING = "References"
_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)
_INTERNAL_LINK = re.compile(r"\]\((" + INTERNAL_LINK_SCHEME + r"[a-z0-9-]+(?:#[a-z0-9-]+)?)\)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s+(.+?)\s*$")


class ContentError(ValueError):
    """A chapter file that cannot be used, with the reason in plain words."""


def list_items(markdown: str) -> tuple[str, ...]:
    """The text of each one-line list item (bulleted or numbered) in a piece of Markdown."""
    return tuple(m.group(1) for line in markdown.splitlines() if (m := _LIST_ITEM.match(line)))


def internal_link_target(link: str) -> tuple[str, str | None] | None:
    """The chapter and section a `chapter:id` or `chapter:id#section` link leads to; None for other links."""
    if not link.startswith(INTERNAL_LINK_SCHEME):
        return None
    chapter_id, _, section_id = link.removeprefix(INTERNAL_LINK_SCHEME).partition("#")
    return chapter_id, section_id or None


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Section:
    """A part of a chapter under one `##` heading; the text before the first heading is the intro."""

    id: str
    heading: str
    body: str  # Markdown, without the heading line


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    order: int
    summary: str
    last_reviewed: dt.date
    body: str

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        matches = list(_HEADING.finditer(self.body))
        intro_end = matches[0].start() if matches else len(self.body)
        sections = [Section("intro", self.title, self.body[:intro_end].strip())]
        for match, following in zip(matches, [*matches[1:], None]):
            end = following.start() if following else len(self.body)
            sections.append(Section(slugify(match.group(1)), match.group(1), self.body[match.end() : end].strip()))
        return tuple(s for s in sections if s.body or s.id != "intro")

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    @property
    def references(self) -> tuple[str, ...]:
        """The list items under the chapter's References heading, without their numbers."""
        section = self.section(slugify(REFERENCES_HEADING))
        return list_items(section.body) if section else ()

    @property
    def internal_links(self) -> tuple[tuple[str, str | None], ...]:
        """Where each link to another part of the guide leads: (chapter id, section id or None)."""
        return tuple(target for link in _INTERNAL_LINK.findall(self.body) if (target := internal_link_target(link)))

    @property
    def linked_chapter_ids(self) -> tuple[str, ...]:
        return tuple(chapter_id for chapter_id, _ in self.internal_links)


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


def neighbours(chapters: tuple[Chapter, ...], chapter_id: str) -> tuple[Chapter | None, Chapter | None]:
    """The chapters before and after `chapter_id` in reading order."""
    ids = [c.id for c in chapters]
    if chapter_id not in ids:
        return None, None
    index = ids.index(chapter_id)
    return (chapters[index - 1] if index > 0 else None, chapters[index + 1] if index + 1 < len(chapters) else None)


def sorted_chapters(chapters: list[Chapter]) -> list[Chapter]:
    """Reading order; duplicate ids are a content error."""
    seen: set[str] = set()
    for chapter in chapters:
        if chapter.id in seen:
            raise ContentError(f"two chapters share the id {chapter.id!r}")
        seen.add(chapter.id)
    return sorted(chapters, key=lambda c: (c.order, c.id))
