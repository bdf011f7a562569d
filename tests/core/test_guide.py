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


# ---- exact limits (make mutation) ----
from pwa.core.guide import slugify  # noqa: E402


@pytest.mark.parametrize("text, slug", [("Already checked? What counts as new", "already-checked-what-counts-as-new"), ("  -Tongue twitches-  ", "tongue-twitches"), ("FAST!", "fast")])
def test_slugify_keeps_letters_and_digits_joined_by_single_dashes(text, slug):
    assert slugify(text) == slug


def test_a_missing_section_is_none():
    assert parse_chapter(VALID).section("nope") is None


def test_a_byte_order_mark_is_ignored_and_blank_front_matter_lines_too():
    chapter = parse_chapter("\ufeff" + VALID.replace("title: Calm\n", "title: Calm\n\n"))
    assert chapter.title == "Calm"


def test_an_empty_front_matter_block_says_what_is_missing():
    with pytest.raises(ContentError, match=r"^x.md: front matter is missing id, title, order, summary, last_reviewed$"):
        parse_chapter("---\n---\nBody\n", "x.md")


def test_a_bad_front_matter_line_names_its_line_number():
    with pytest.raises(ContentError, match=r"^x.md:3: expected 'key: value', got 'oops'$"):
        parse_chapter("---\nid: a\noops\n---\nBody\n", "x.md")


def test_a_value_may_contain_a_colon():
    chapter = parse_chapter(VALID.replace("summary: A short summary.", "summary: Note: calm helps."))
    assert chapter.summary == "Note: calm helps."


def _chapters(*ids):
    return tuple(parse_chapter(f"---\nid: {i}\ntitle: {i}\norder: {n}\nsummary: s\nlast_reviewed: 2026-12-02\n---\nBody\n") for n, i in enumerate(ids))


@pytest.mark.parametrize(
    "chapter_id, before, after",
    [("a", None, "b"), ("b", "a", "c"), ("c", "b", "d"), ("d", "c", None), ("x", None, None)],
)
def test_neighbours_are_the_chapters_before_and_after_in_reading_order(chapter_id, before, after):
    from pwa.core.guide import neighbours

    previous, following = neighbours(_chapters("a", "b", "c", "d"), chapter_id)
    assert (previous.id if previous else None, following.id if following else None) == (before, after)


def test_a_one_chapter_guide_has_no_neighbours():
    from pwa.core.guide import neighbours

    assert neighbours(_chapters("a"), "a") == (None, None)


def test_an_unnamed_source_is_called_chapter_in_messages():
    with pytest.raises(ContentError, match=r"^<chapter>: must start with a '---' front matter block$"):
        parse_chapter("no front matter")
