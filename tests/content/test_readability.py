"""Every chapter reads at Flesch-Kincaid grade 8 or below, and "When to see a doctor" is the plainest.

Measured with textstat (pinned in the test extras; 0.7.4 needs no downloads) two ways, and both
must pass:
- as read: each section's text without headings, references, citation marks, links or bullets,
  each list item and table row counted as one sentence (what a reader meets);
- as the editorial review measured it: the chapter's whole Markdown, references included, list
  items run together (a stricter ruler; it put "When to see a doctor" at 9.2 before the rewrite).
"""

import re

import pytest
import textstat

from pwa.core.guide import Chapter, parse_chapter
from pwa.core.search import plain_text
from tests.content.conftest import PROSE_IDS

GRADE_LIMIT = 8.0
LONGEST_SENTENCE = 25  # words
PLAINEST = "when-to-see-a-doctor"
_LIST_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s+")


def text_as_read(chapter: Chapter) -> str:
    units: list[str] = []
    for section in chapter.sections:
        if section.id == "references":
            continue
        for block in re.split(r"\n(?=\s*(?:[-*]|\d+\.)\s)|\n\s*\n", section.body):
            text = " ".join(plain_text(block).split())
            if not text:
                continue
            if _LIST_ITEM.match(block) or block.lstrip().startswith("|"):
                text = text if text[-1] in ".?!:" else text + "."
            units.append(text)
    return " ".join(units)


def grade_as_read(chapter: Chapter) -> float:
    return textstat.flesch_kincaid_grade(text_as_read(chapter))


def grade_as_reviewed(chapter: Chapter) -> float:
    return textstat.flesch_kincaid_grade(chapter.body)


def sentences(chapter: Chapter) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!:])\s+", text_as_read(chapter)) if s]


@pytest.mark.parametrize("chapter_id", PROSE_IDS)
def test_every_chapter_reads_at_grade_8_or_below(chapter_id, guide):
    chapter = guide.by_id[chapter_id]
    assert grade_as_read(chapter) <= GRADE_LIMIT
    assert grade_as_reviewed(chapter) <= GRADE_LIMIT


@pytest.mark.parametrize("measure", [grade_as_read, grade_as_reviewed], ids=["as-read", "as-reviewed"])
def test_when_to_see_a_doctor_is_the_plainest_chapter(measure, guide):
    grades = {i: measure(guide.by_id[i]) for i in PROSE_IDS}
    assert min(grades, key=grades.get) == PLAINEST, grades


@pytest.mark.parametrize("chapter_id", PROSE_IDS)
def test_no_sentence_runs_over_25_words(chapter_id, guide):
    chapter = guide.by_id[chapter_id]
    assert [s for s in sentences(chapter) if len(s.split()) > LONGEST_SENTENCE] == []


def _chapter(body: str) -> Chapter:
    return parse_chapter(f"---\nid: x\ntitle: X\norder: 1\nsummary: s\nlast_reviewed: 2026-12-02\n---\n{body}")


def test_the_ruler_fails_a_hard_chapter_and_passes_a_plain_one():
    hard = _chapter(
        "Benign fasciculation syndrome constitutes a heterogeneous neuromuscular presentation characterised by "
        "spontaneous, involuntary contractions of individual motor units, frequently accompanied by "
        "paraesthesiae, myalgia and considerable psychological comorbidity.\n"
    )
    plain = _chapter("A twitch is a small jump in a muscle. It is common. It is not a sign of harm.\n")
    assert grade_as_read(hard) > GRADE_LIMIT and grade_as_reviewed(hard) > GRADE_LIMIT
    assert grade_as_read(plain) <= GRADE_LIMIT and grade_as_reviewed(plain) <= GRADE_LIMIT


def test_list_items_count_as_sentences_when_read_and_run_together_as_reviewed():
    chapter = _chapter("Things that help:\n\n- a walk in the park\n- tea with a friend\n- an early night\n\n## References\n\n1. A long citation.\n")
    assert text_as_read(chapter) == "Things that help: a walk in the park. tea with a friend. an early night."
    assert len(sentences(chapter)) == 4
    assert "References" not in text_as_read(chapter)


def test_a_sentence_of_26_words_is_caught_and_25_is_not():
    words = ["word"] * 25
    assert [len(s.split()) for s in sentences(_chapter(" ".join(words) + ".\n"))] == [25]
    long = sentences(_chapter(" ".join(words + ["more"]) + ".\n"))
    assert [s for s in long if len(s.split()) > LONGEST_SENTENCE] == long
