"""Loads guide chapters from the Markdown files in `content/`."""

from __future__ import annotations

from pathlib import Path

from pwa.core.guide import Chapter, parse_chapter, sorted_chapters


def load_chapters(content_dir: Path) -> list[Chapter]:
    """Every `*.md` chapter in reading order; raises ContentError naming the bad file."""
    chapters = [
        parse_chapter(path.read_text(encoding="utf-8"), source=path.name)
        for path in sorted(content_dir.glob("*.md"))
    ]
    return sorted_chapters(chapters)
