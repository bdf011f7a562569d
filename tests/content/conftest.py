"""The shipped guide, loaded inside each test module's run rather than at import.

Mutation testing (make mutation) changes pwa/core code only while tests run, after collection:
data built at import time would come from the unchanged code and hide every mutant in it. So
parametrisations use the chapter ids read straight from the files, and the chapters, the
references and the search index come from this fixture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import pytest

from pwa.adapters.content_files import load_chapters
from pwa.adapters.paths import CONTENT_DIR
from pwa.core.guide import Chapter, list_items
from pwa.core.search import GuideIndex

_ID = re.compile(r"^id:\s*(\S+)\s*$", re.MULTILINE)
CHAPTER_IDS = tuple(m.group(1) for p in sorted(CONTENT_DIR.glob("*.md")) if (m := _ID.search(p.read_text())))
PROSE_IDS = tuple(i for i in CHAPTER_IDS if i != "references")  # the References chapter is a list of citations


@dataclass
class Guide:
    chapters: list[Chapter]

    @cached_property
    def by_id(self) -> dict[str, Chapter]:
        return {c.id: c for c in self.chapters}

    @cached_property
    def references(self) -> set[str]:
        return set(list_items(self.by_id["references"].body))

    @cached_property
    def index(self) -> GuideIndex:
        return GuideIndex(self.chapters)


@pytest.fixture(scope="module")
def guide() -> Guide:
    return Guide(load_chapters(CONTENT_DIR))
