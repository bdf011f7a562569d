import datetime as dt

import pytest

from pwa.core.guide import Chapter, ContentError, internal_link_target, parse_chapter, sorted_chapters

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


@pytest.mark.parametrize(
    "link, target",
    [
        ("chapter:symptoms", ("symptoms", None)),
        ("chapter:symptoms#tongue-twitches", ("symptoms", "tongue-twitches")),
        ("chapter:symptoms#", ("symptoms", None)),
        ("https://www.nhs.uk/", None),
        ("symptoms", None),
    ],
)
def test_internal_link_targets(link, target):
    assert internal_link_target(link) == target


def test_a_chapter_lists_its_links_with_their_sections():
    chapter = parse_chapter(
        "---\nid: a\ntitle: A\norder: 1\nsummary: s\nlast_reviewed: 2026-12-02\n---\n"
        "See [b](chapter:b), [the loop](chapter:c#the-loop) and [site](https://example.org).\n"
    )
    assert chapter.internal_links == (("b", None), ("c", "the-loop"))
    assert chapter.linked_chapter_ids == ("b", "c")


@pytest.mark.parametrize("count, label", [(0, "0 matching sections"), (1, "1 matching section"), (2, "2 matching sections"), (10, "10 matching sections")])
def test_matching_sections_label_says_section_once_and_sections_otherwise(count, label):
    from pwa.core.search import matching_sections_label

    assert matching_sections_label(count) == label
