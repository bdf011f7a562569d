"""The shipped guide: complete, linked, referenced, in our own words, and findable."""

import re

import pytest

from pwa import routes

from tests.content.conftest import CHAPTER_IDS, PROSE_IDS
from tests.content.seed_fingerprint import FINGERPRINTS, fingerprint, runs


# Every topic of shared/guide-sources.md and of the editorial review (shared/guide-review.md):
# the chapter that covers it and facts it must carry.
TOPICS = {
    "what-is-bfs": ["motor unit", "benign", "most people", "7 in 10", "98.3%", "51.7%", "Does it go away?"],
    "why-twitches-happen": ["motor unit", "over-excitable", "at rest"],
    "causes-and-triggers": [
        "stress", "caffeine", "dehydration", "potassium", "calcium", "magnesium", "sodium", "sleep",
        "alcohol", "antihistamines", "tricyclics", "SSRIs", "antipsychotic", "metronidazole",
        "fluoroquinolones", "corticosteroids", "cyclosporine", "viral", "autoimmune", "salbutamol",
        "pseudoephedrine", "nicotine", "lithium", "proton pump inhibitors", "diuretics", "Isaacs syndrome",
        "overactive thyroid", "Never stop a prescribed medicine",
    ],
    "symptoms": [
        "calves and thighs", "at rest", "cramps", "tingling", "weakness", "worry loop", "tongue", "buzzing",
        "cramp-fasciculation syndrome", "does not affect feeling", "eyelid",
    ],
    "bfs-and-als": ["motor neurone disease (MND)", "weakness", "waste", "twitching can come first", "121 people", "about 300 people", "Is it MS?"],
    "when-to-see-a-doctor": [
        "999", "112", "911", "FAST", "stroke", "trouble breathing", "choking", "swallowing", "within a few days",
        "NHS 111", "two weeks", "more than one part", "slurred", "thinner", "What counts as new",
    ],
    "diagnosis": [
        "When did you first notice", "new medicines or supplements", "toxins", "travelled", "family", "reflexes",
        "Blood tests", "EMG", "fine needle", "nerve conduction study", "fasciculation potentials",
        "normal result", "may not send you for an EMG", "If worries come back", "I am scared this is MND",
    ],
    "managing-bfs": [
        "fluids", "benzodiazepines", "short-term", "No medicine has been tested", "muscle relaxants", "massage",
        "stretching", "breathing", "CBT", "biofeedback", "sleep routine", "magnesium", "No trial",
    ],
    "prevention": ["Caffeine", "Alcohol", "fluids", "stress", "sleep", "Regular exercise", "Time management", "friends and family", "sport are safe"],
    "worry-and-checking": ["The worry loop", "checking", "searching", "reassurance", "Samaritans on 116 123", "Talking Therapies"],
    "living-with-bfs": ["fall", "hypervigilant", "counsellor", "see a doctor"],
    "references": [
        "Blexrud", "Filippakis", "Mattiuzzi", "Mills", "de Carvalho", "Montalvo", "Simon", "Salkovskis", "Balban",
        "Cooper", "Garrison", "NG127", "BMJ. 2022;379:e073857", "not research evidence", "next review",
    ],
}  # fmt: skip

# What the editorial review (shared/guide-review.md) took out, so it cannot come back unnoticed.
RETRACTED = {
    "urgent care": "emergencies go to the emergency number, not urgent care (review point 1)",
    "mention it soon": "worsening weakness needs a doctor within days (review point 2)",
    "keeps spreading": "spreading twitches are typical of BFS; spreading weakness matters (review point 3)",
    "jumping around": "the twitch pattern does not tell BFS from MND (review point 5)",
    "twitching usually stops": "the twitch pattern does not tell BFS from MND (review point 5)",
    "does not turn into": "say what the studies found, not more (review point 7)",
    "no sign of nerve damage": "the EMG often records the twitches in BFS (review point 8)",
    "myasthenia": "myasthenia gravis causes weakness, not twitching (review point 9)",
    "haloperidol": "haloperidol causes other movement problems (review point 10)",
    "blood's mineral levels": "an overactive thyroid causes twitching directly (review point 11)",
    "make a fall more likely": "falls are a reason to see a doctor, not part of BFS (review point 12)",
    "blackman": "two case reports and a review do not support CBT claims (review point 18)",
}


def test_every_chapter_has_its_front_matter(guide):
    assert [c.id for c in guide.chapters] == list(CHAPTER_IDS)  # every file, in reading order
    assert [c.order for c in guide.chapters] == sorted(c.order for c in guide.chapters)
    for chapter in guide.chapters:
        assert chapter.id and chapter.title and chapter.summary and chapter.body.strip()


@pytest.mark.parametrize("chapter_id, facts", list(TOPICS.items()))
def test_every_topic_is_covered(chapter_id, facts, guide):
    body = " ".join(guide.by_id[chapter_id].body.lower().split())
    assert [fact for fact in facts if fact.lower() not in body] == []


def test_every_internal_link_leads_to_a_chapter_and_section(guide):
    BY_ID = guide.by_id
    links = [(c.id, target) for c in guide.chapters for target in c.internal_links]
    broken = [
        (source, chapter_id, section_id)
        for source, (chapter_id, section_id) in links
        if chapter_id not in BY_ID or (section_id is not None and BY_ID[chapter_id].section(section_id) is None)
    ]
    assert broken == []
    assert len(links) >= 10
    assert sum(1 for _, (_, section_id) in links if section_id) >= 5


@pytest.mark.parametrize("route", routes.GUIDE_PLACES)
def test_every_place_the_app_links_to_is_in_the_guide(route, guide):
    BY_ID = guide.by_id
    parts = route.removeprefix(routes.chapter("")).split("/")
    chapter_id, section_id = parts[0], (parts[1] if len(parts) > 1 else None)
    assert chapter_id in BY_ID
    assert section_id is None or BY_ID[chapter_id].section(section_id) is not None


@pytest.mark.parametrize("phrase, reason", list(RETRACTED.items()))
def test_no_retracted_claim_comes_back(phrase, reason, guide):
    assert [c.id for c in guide.chapters if phrase in " ".join(c.body.lower().split())] == [], reason


def test_the_emergency_level_comes_first_and_names_the_numbers(guide):
    sections = guide.by_id["when-to-see-a-doctor"].sections
    headings = [s.heading for s in sections if s.id not in ("intro", "references")]
    assert headings[0] == "Call an emergency number now"
    order = [headings.index(h) for h in ("Call an emergency number now", "See a doctor within days", "Book a routine appointment")]
    assert order == sorted(order)
    emergency = sections[1].body
    assert all(number in emergency for number in ("999", "112", "911"))


@pytest.mark.parametrize("chapter_id", PROSE_IDS)
def test_every_chapter_cites_references_listed_in_the_references_chapter(chapter_id, guide):
    chapter = guide.by_id[chapter_id]
    assert chapter.references, f"{chapter.id} has no references"
    assert [r for r in chapter.references if r not in guide.references] == []
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", chapter.body)}
    assert cited == set(range(1, len(chapter.references) + 1)), "each listed source is cited, and only those"


def test_no_run_of_eight_words_is_shared_with_the_seed_articles(guide):
    seed_prints = set(FINGERPRINTS.read_text().split())
    assert len(seed_prints) > 1000
    shared = [(c.id, run) for c in guide.chapters for run in runs(c.body) if fingerprint(run) in seed_prints]
    assert shared == []


def test_the_overlap_check_would_catch_a_copied_sentence():
    seed_prints = set(FINGERPRINTS.read_text().split())
    copied = "Benign fasciculation syndrome, how to stop muscle twitching"  # the first seed's title
    assert any(fingerprint(run) in seed_prints for run in runs(copied))


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
    # how people type (issue 16): misspellings, plurals, everyday words
    "fasiculation": "why-twitches-happen",
    "fasciculations": "why-twitches-happen",
    "twiching": "why-twitches-happen",
    "twitchs": "why-twitches-happen",
    "buzzing": "symptoms",
    "vibrating feeling": "symptoms",
    "eye twitch": "symptoms",
    "tongue": "symptoms",
    "calf": ("what-is-bfs", "symptoms"),
    "ALS": "bfs-and-als",
    "MND": "bfs-and-als",
    "Lou Gehrig": "bfs-and-als",
    "stroke": "when-to-see-a-doctor",
    "checking my muscles": "worry-and-checking",
    "magnesium supplement": "managing-bfs",
}
SECTIONS = {  # queries whose first result must be one particular section
    "eye twitch": ("symptoms", "eyelid-twitches"),
    "tongue": ("symptoms", "tongue-twitches"),
    "buzzing": ("symptoms", "buzzing-tingling-and-numbness"),
    "fasiculation": ("why-twitches-happen", None),
    "stroke": ("when-to-see-a-doctor", None),
}


@pytest.mark.parametrize("query, expected", list(QUERIES.items()))
def test_search_finds_the_expected_chapter(query, expected, guide):
    results = guide.index.search(query)
    assert results, f"no results for {query!r}"
    wanted = expected if isinstance(expected, tuple) else (expected,)
    assert results[0].chapter_id in wanted, [(r.chapter_id, r.section_id) for r in results[:3]]


@pytest.mark.parametrize("query, expected", list(SECTIONS.items()))
def test_search_opens_the_section_a_reader_means(query, expected, guide):
    chapter_id, section_id = expected
    first = guide.index.search(query)[0]
    assert first.chapter_id == chapter_id
    assert section_id is None or first.section_id == section_id


def test_a_search_shows_at_most_ten_sections(guide):
    assert len(guide.index.search("twitch", limit=100)) > 10
    assert len(guide.index.search("twitch")) == 10


def test_every_chapter_reads_without_raw_markup_or_raw_addresses():
    from pwa.adapters.content_files import load_chapters
    from pwa.adapters.paths import CONTENT_DIR
    from pwa.core.prose import blocks, plain_text

    for chapter in load_chapters(CONTENT_DIR):
        for section in chapter.sections:
            for block in blocks(section.body):
                said = plain_text(block)
                assert "**" not in said and "](" not in said and "http" not in said, (chapter.id, said)
