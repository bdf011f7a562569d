"""The shipped guide: complete, linked, referenced, in our own words, and findable."""

import re

import pytest

from pwa.adapters.content_files import load_chapters
from pwa.adapters.paths import CONTENT_DIR
from pwa.core.guide import list_items
from pwa.core.search import GuideIndex
from tests.content.seed_fingerprint import FINGERPRINTS, fingerprint, runs

CHAPTERS = load_chapters(CONTENT_DIR)
BY_ID = {c.id: c for c in CHAPTERS}
REFERENCES = set(list_items(BY_ID["references"].body))

# Every topic of shared/guide-sources.md: the chapter that covers it and facts it must carry.
TOPICS = {
    "what-is-bfs": ["motor unit", "benign", "most people"],
    "why-twitches-happen": ["motor unit", "over-excitable", "at rest"],
    "causes-and-triggers": [
        "stress", "caffeine", "dehydration", "potassium", "calcium", "magnesium", "sodium", "sleep",
        "alcohol", "antihistamines", "tricyclics", "SSRIs", "antipsychotic", "metronidazole",
        "fluoroquinolones", "corticosteroids", "cyclosporine", "viral", "autoimmune",
    ],
    "symptoms": ["calves and thighs", "at rest", "cramps", "tingling", "weakness", "worry loop"],
    "bfs-and-als": ["weakness", "waste", "spread", "does not turn into ALS", "121 people"],
    "when-to-see-a-doctor": ["trouble breathing", "swallowing", "two weeks", "more than one part", "slurred", "thinner"],
    "diagnosis": ["When did you first notice", "new medicines or supplements", "toxins", "travelled", "family", "reflexes", "Blood tests", "EMG"],
    "managing-bfs": ["fluids", "benzodiazepines", "muscle relaxants", "massage", "stretching", "breathing", "CBT", "biofeedback", "sleep routine"],
    "prevention": ["Caffeine", "Alcohol", "fluids", "stress", "sleep", "Regular exercise", "Time management", "friends and family"],
    "living-with-bfs": ["fall", "hypervigilant", "counsellor"],
    "references": ["Blexrud", "Filippakis", "Mattiuzzi", "Mills", "de Carvalho", "Montalvo", "Simon", "Salkovskis", "Balban"],
}  # fmt: skip


def test_every_chapter_has_its_front_matter():
    assert [c.order for c in CHAPTERS] == sorted(c.order for c in CHAPTERS)
    for chapter in CHAPTERS:
        assert chapter.id and chapter.title and chapter.summary and chapter.body.strip()


@pytest.mark.parametrize("chapter_id, facts", list(TOPICS.items()))
def test_every_topic_is_covered(chapter_id, facts):
    body = " ".join(BY_ID[chapter_id].body.lower().split())
    assert [fact for fact in facts if fact.lower() not in body] == []


def test_every_internal_link_leads_to_a_chapter():
    broken = [(c.id, target) for c in CHAPTERS for target in c.linked_chapter_ids if target not in BY_ID]
    assert broken == []
    assert sum(len(c.linked_chapter_ids) for c in CHAPTERS) >= 10


@pytest.mark.parametrize("chapter", [c for c in CHAPTERS if c.id != "references"], ids=lambda c: c.id)
def test_every_chapter_cites_references_listed_in_the_references_chapter(chapter):
    assert chapter.references, f"{chapter.id} has no references"
    assert [r for r in chapter.references if r not in REFERENCES] == []
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", chapter.body)}
    assert cited == set(range(1, len(chapter.references) + 1)), "each listed source is cited, and only those"


def test_no_run_of_eight_words_is_shared_with_the_seed_articles():
    seed_prints = set(FINGERPRINTS.read_text().split())
    assert len(seed_prints) > 1000
    shared = [(c.id, run) for c in CHAPTERS for run in runs(c.body) if fingerprint(run) in seed_prints]
    assert shared == []


def test_the_overlap_check_would_catch_a_copied_sentence():
    seed_prints = set(FINGERPRINTS.read_text().split())
    copied = "Benign fasciculation syndrome, how to stop muscle twitching"  # the first seed's title
    assert any(fingerprint(run) in seed_prints for run in runs(copied))


INDEX = GuideIndex(CHAPTERS)
QUERIES = {  # what a reader types -> the chapter that should come first
    "twitching calves at night": "symptoms",
    "twiches": "why-twitches-happen",
    "calfs": ("what-is-bfs", "symptoms"),
    "fasciculations": "why-twitches-happen",
    "is it ALS": "bfs-and-als",
    "motor neuron disease": "bfs-and-als",
    "Lou Gehrig's": "bfs-and-als",
    "will bfs turn into als": "bfs-and-als",
    "trouble swallowing": "when-to-see-a-doctor",
    "when to see a GP": "when-to-see-a-doctor",
    "antihistamine": "causes-and-triggers",
    "medications that cause twitching": "causes-and-triggers",
    "coffee": "causes-and-triggers",
    "dehydrated": "causes-and-triggers",
    "EMG test": "diagnosis",
    "what will the doctor ask": "diagnosis",
    "cyclic sigh": "managing-bfs",
    "benzodiazepines": "managing-bfs",
    "cant sleep": "managing-bfs",
    "cutting down caffeine": "prevention",
    "hypervigilant": "living-with-bfs",
    "stres": ("why-twitches-happen", "causes-and-triggers"),
    "numbnes": ("when-to-see-a-doctor", "symptoms"),
}


@pytest.mark.parametrize("query, expected", list(QUERIES.items()))
def test_search_finds_the_expected_chapter(query, expected):
    results = INDEX.search(query)
    assert results, f"no results for {query!r}"
    wanted = expected if isinstance(expected, tuple) else (expected,)
    assert results[0].chapter_id in wanted, [(r.chapter_id, r.section_id) for r in results[:3]]
