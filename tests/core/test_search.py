"""Guide search on a small made-up guide: exact terms, scores, typo limits and snippets."""

import pytest

from pwa.core.guide import parse_chapter
from pwa.core.search import (
    BODY_WEIGHT,
    CORRECTED_TERM_FACTOR,
    HEADING_WEIGHT,
    TITLE_WEIGHT,
    GuideIndex,
    Highlighted,
    normalise_word,
    plain_text,
    snippet,
    stem,
    terms,
)


def chapter(chapter_id: str, title: str, body: str, order: int = 1):
    return parse_chapter(f"---\nid: {chapter_id}\ntitle: {title}\norder: {order}\nsummary: s\nlast_reviewed: 2026-12-02\n---\n{body}")


@pytest.mark.parametrize(
    "word, stemmed",
    [
        ("calves", "calf"), ("feet", "foot"),  # irregular plurals
        ("injuries", "injury"), ("ties", "tie"),  # "ies" only after more than 4 letters: "ties" -> "tie" by the plain "s" rule
        ("twitches", "twitch"), ("wishes", "wish"), ("classes", "class"), ("boxes", "box"), ("buzzes", "buzz"),
        ("aches", "ache"),  # 5 letters: "ches" rule -> "ach"? no: len 5 > 4 -> "ach"... see below
        ("cramps", "cramp"), ("arms", "arm"), ("legs", "leg"), ("sys", "sys"),  # the plain "s" rule needs more than 3 letters
        ("stress", "stress"), ("virus", "virus"), ("tennis", "tennis"),  # ss, us, is are not plurals
        ("twitch", "twitch"),
    ],
)  # fmt: skip
def test_stem_folds_simple_plurals_at_their_limits(word, stemmed):
    if word == "aches":
        stemmed = "ach"  # "ches" words lose "es" once longer than 4 letters (like "twitches")
    assert stem(word) == stemmed


@pytest.mark.parametrize(
    "word, term",
    [
        ("fasciculations", "twitch"),  # stemmed, then folded into its synonym
        ("twitching", "twitch"),
        ("mnd", "als"),
        ("doctor's", "doctor"),
        ("eyes", "eyelid"),
        ("physicians", "doctor"),  # stemmed first, then the synonym
        ("gps", "gps"),  # three letters: not a plural
        ("cramp", "cramp"),
    ],
)
def test_normalise_word(word, term):
    assert normalise_word(word) == term


def test_terms_fold_phrases_curly_apostrophes_and_drop_stop_words():
    assert terms("Is it Lou Gehrig\u2019s disease?") == ["als"]
    assert terms("motor neurone disease and the calves") == ["als", "calf"]
    assert terms("what is BFS") == ["bfs"]


def test_plain_text_drops_citations_bullets_links_and_long_dashes():
    markdown = "- **Cramps** [2] are [common](chapter:symptoms) -- see https://www.nhs.uk/x [10]\n1. Next"
    assert " ".join(plain_text(markdown).split()) == "Cramps are common see Next"
    assert plain_text("a --- b") == "a b"


GUIDE = [
    chapter("calm", "Calm", "Breathing helps you feel calm.\n\n## Cramps at night\n\nA cramp can wake you.\n\n## References\n\n1. Cramp study.\n", 1),
    chapter("body", "Body", "Cramp cramp cramp cramp in the calf.\n\n## Legs\n\nThe calf and the cramp.\n", 2),
    chapter("references", "References", "Cramp calm cramp.\n", 3),
]


@pytest.fixture
def index():
    return GuideIndex(GUIDE)


def test_scores_weigh_title_heading_and_body_with_body_counts_capped_at_three(index):
    results = {(r.chapter_id, r.section_id): r for r in index.search("cramp")}
    # the References chapter and every References section are left out
    assert set(results) == {("calm", "cramps-at-night"), ("body", "intro"), ("body", "legs")}
    assert results["calm", "cramps-at-night"].score == HEADING_WEIGHT + BODY_WEIGHT * 1
    assert results["body", "intro"].score == BODY_WEIGHT * 3  # said four times, counted three
    assert results["body", "legs"].score == BODY_WEIGHT * 1
    assert [(r.chapter_id, r.section_id) for r in index.search("cramp")] == [
        ("calm", "cramps-at-night"), ("body", "intro"), ("body", "legs"),
    ]  # fmt: skip
    calm = index.search("calm")
    assert [(r.chapter_id, r.section_id, r.score) for r in calm] == [
        ("calm", "intro", TITLE_WEIGHT + BODY_WEIGHT),  # in the title and once in the text
        ("calm", "cramps-at-night", TITLE_WEIGHT),
    ]
    first = calm[0]
    assert (first.chapter_title, first.section_heading) == ("Calm", "Calm")
    assert index.search("cramp")[0].section_heading == "Cramps at night"


def test_sections_matching_every_word_come_before_higher_scores(index):
    both = index.search("cramp calf")
    assert [(r.chapter_id, r.section_id) for r in both][:2] == [("body", "intro"), ("body", "legs")]


def test_a_corrected_word_counts_for_less(index):
    exact = index.search("cramp")[0].score
    (corrected, *_) = index.search("crampp")
    assert corrected.score == pytest.approx(exact * CORRECTED_TERM_FACTOR)


def test_typos_are_forgiven_from_four_letters_on():
    guide = GuideIndex([chapter("a", "A", "Stay calm and rest.\n\n## Buzzing\n\nA buzzing feeling.\n")])
    assert [r.section_id for r in guide.search("cakm")] == ["intro"]  # a 4-letter word, one letter changed
    assert guide.search("cam") == []  # 3 letters: too short to guess
    assert guide.search("clam") != []  # two letters swapped: one deletion from both
    assert [r.section_id for r in guide.search("buzy")] == ["buzzing"]  # a misspelt 4-letter synonym of "buzzing"
    assert [r.section_id for r in guide.search("rests")] == ["intro"]


def test_nothing_found_for_words_the_guide_does_not_use(index):
    assert index.search("xylophone") == [] and index.search("the and") == []


def test_results_can_be_limited(index):
    assert len(index.search("cramp", limit=2)) == 2


TEXT = "one two three four five six seven eight nine ten cramp eleven twelve thirteen fourteen fifteen"


def test_the_snippet_starts_six_words_before_the_match_and_marks_it():
    parts = snippet(TEXT, {"cramp"}, width=60)
    assert parts == (
        Highlighted("\u2026five six seven eight nine ten ", False),
        Highlighted("cramp", True),
        Highlighted(" eleven twelve thirteen", False),  # 60 characters from "five", cut back to a space
        Highlighted("\u2026", False),
    )


def test_a_snippet_from_the_start_has_no_leading_ellipsis_and_a_short_text_no_trailing_one():
    assert snippet("cramp at night", {"cramp"}) == (Highlighted("cramp", True), Highlighted(" at night", False))
    assert snippet("at night a cramp", {"cramp"}) == (Highlighted("at night a ", False), Highlighted("cramp", True))
    assert snippet("nothing here", {"cramp"}) == (Highlighted("nothing here", False),)
    assert snippet("", {"cramp"}) == ()


def test_a_snippet_is_cut_at_a_word_boundary_and_a_text_of_exactly_the_width_is_whole():
    assert snippet("aaaa bbbb cccc", {"zzz"}, width=14) == (Highlighted("aaaa bbbb cccc", False),)
    assert snippet("aaaa bbbb cccc", {"zzz"}, width=13) == (Highlighted("aaaa bbbb", False), Highlighted("\u2026", False))
    assert snippet("aaaaaaaaaaaaaaa", {"zzz"}, width=5) == (Highlighted("aaaaa", False), Highlighted("\u2026", False))


def test_each_matching_word_is_highlighted_and_the_space_between_is_not():
    assert snippet("cramp cramps then rest", {"cramp"}) == (
        Highlighted("cramp", True),
        Highlighted(" ", False),
        Highlighted("cramps", True),
        Highlighted(" then rest", False),
    )


def test_results_carry_a_snippet_of_the_section_with_single_spaces():
    (result,) = GuideIndex(GUIDE).search("wake")
    assert "".join(p.text for p in result.snippet) == "A cramp can wake you."


def test_misspelt_four_letter_synonyms_and_short_plurals_are_forgiven():
    guide = GuideIndex([chapter("m", "Medicines", "Ask about each medicine.\n")])
    assert [r.chapter_id for r in guide.search("pilk")] == ["m"]  # one letter from "pill", a synonym of medicine
    assert stem("flies") == "fly" and stem("axes") == "axe"
