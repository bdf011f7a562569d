import datetime as dt

import pytest

from pwa.core.guide import Chapter, ContentError, parse_chapter, sorted_chapters

VALID = """---
id: calm
title: Calm
order: 2
summary: A short summary.
last_reviewed: 2026-11-23
---

Body text with: a colon.
"""


def test_parses_front_matter_and_body():
    chapter = parse_chapter(VALID)
    assert chapter == Chapter(
        id="calm",
        title="Calm",
        order=2,
        summary="A short summary.",
        last_reviewed=dt.date(2026, 11, 23),
        body="Body text with: a colon.\n",
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ("no front matter", "must start with"),
        ("---\nid: x\n", "not closed"),
        (VALID.replace("title: Calm\n", ""), "missing title"),
        (VALID.replace("order: 2", "order: second"), "order must be a whole number"),
        (VALID.replace("2026-11-23", "23/11/2026"), "last_reviewed must be a date"),
        (VALID.replace("order: 2", "order 2"), "expected 'key: value'"),
    ],
)
def test_bad_chapters_are_rejected_with_a_reason(text, message):
    with pytest.raises(ContentError, match=message):
        parse_chapter(text, source="x.md")


def test_chapters_sort_by_order_and_ids_must_be_unique():
    a = parse_chapter(VALID.replace("id: calm", "id: a").replace("order: 2", "order: 5"))
    b = parse_chapter(VALID.replace("id: calm", "id: b").replace("order: 2", "order: 1"))
    assert [c.id for c in sorted_chapters([a, b])] == ["b", "a"]
    with pytest.raises(ContentError, match="share the id"):
        sorted_chapters([a, a])
