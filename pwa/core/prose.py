"""The guide's Markdown, the part of it the chapters use, as blocks and inline pieces.

A screen builds real headings and links from these (flet 1.0.5's Markdown control gives screen
readers one block of text: no headings, and links that are neither named links nor reachable
with Tab). Supported: `#` headings, paragraphs, `-`/`*` and `1.` list items (continued on the
next lines), `**bold**`, `[text](target)` links, and bare web addresses, which become a link
named for their site instead of being read out letter by letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Link:
    text: str
    target: str


Inline = Run | Link


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class ListItem:
    marker: str  # "•" for a bullet, "1." for a numbered item
    inlines: tuple[Inline, ...]


Block = Heading | Paragraph | ListItem

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_INLINE = re.compile(
    r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)"  # [text](target)
    r"|\*\*(?P<bold>.+?)\*\*"  # **bold**
    r"|(?P<url>https?://[^\s<>()]+)"  # a bare web address
)
_TRAILING = ".,;:!?'\""  # punctuation after a bare address belongs to the sentence


def web_page_name(url: str) -> str:
    """What a bare address is called when read out: "Web page on nhs.uk"."""
    host = urlsplit(url).hostname or url
    return f"Web page on {host.removeprefix('www.')}"


def inlines(text: str) -> tuple[Inline, ...]:
    """Bold runs, links and plain runs of one paragraph or item, in order; line breaks are spaces."""
    text = " ".join(text.split())
    pieces: list[Inline] = []
    position = 0

    def plain(until: int) -> None:
        if until > position:
            pieces.append(Run(text[position:until]))

    for match in _INLINE.finditer(text):
        start, end = match.span()
        if match["url"]:
            url = match["url"].rstrip(_TRAILING)
            end = start + len(url)
            plain(start)
            pieces.append(Link(web_page_name(url), url))
        elif match["bold"]:
            plain(start)
            pieces.append(Run(match["bold"], bold=True))
        else:
            plain(start)
            pieces.append(Link(match["text"], match["target"]))
        position = end
    plain(len(text))
    return tuple(pieces)


def blocks(markdown: str) -> tuple[Block, ...]:
    """Headings, paragraphs and list items; a blank line ends a paragraph or an item."""
    found: list[Block] = []
    kind: str | None = None  # "paragraph" or a list marker, while lines are gathered
    gathered: list[str] = []

    def close() -> None:
        nonlocal kind
        if kind is not None:  # a line was gathered whenever kind is set
            words = inlines(" ".join(gathered))
            found.append(Paragraph(words) if kind == "paragraph" else ListItem(kind, words))
        kind = None
        gathered.clear()

    for line in markdown.splitlines():
        if not line.strip():
            close()
        elif heading := _HEADING.match(line):
            close()
            found.append(Heading(len(heading[1]), heading[2]))
        elif bullet := _BULLET.match(line):
            close()
            kind, gathered[:] = "•", [bullet[1]]
        elif numbered := _NUMBERED.match(line):
            close()
            kind, gathered[:] = f"{numbered[1]}.", [numbered[2]]
        else:
            if kind is None:
                kind = "paragraph"
            gathered.append(line.strip())
    close()
    return tuple(found)


def plain_text(block: Block) -> str:
    """What a block says, without its markup (for tests and search snippets)."""
    if isinstance(block, Heading):
        return block.text
    words = "".join(piece.text for piece in block.inlines)
    return f"{block.marker} {words}" if isinstance(block, ListItem) else words
