"""Offline search over the guide: ranked sections, forgiving of plurals, typos and synonyms.

Text is reduced to terms: lower case, synonyms folded into one term (twitch/fasciculation,
ALS/motor neuron disease/Lou Gehrig's disease), plurals stemmed ("calves", "calfs" -> "calf").
A query term that is not in the guide is corrected to guide terms one edit away (a missing,
extra, changed or swapped letter: "twiches" -> "twitch"), found through an index of
single-letter deletions. The index is built once; a query only looks terms up.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from pwa.core.guide import Chapter

PHRASE_SYNONYMS = {
    "amyotrophic lateral sclerosis": "als",
    "motor neurone disease": "als",
    "motor neuron disease": "als",
    "lou gehrig's disease": "als",
    "lou gehrigs disease": "als",
    "lou gehrig": "als",
    "benign fasciculation syndrome": "bfs",
}
WORD_SYNONYMS = {
    "fasciculation": "twitch",
    "fasciculate": "twitch",
    "twitching": "twitch",
    "twitchy": "twitch",
    "mnd": "als",
    "gehrig": "als",
    "medication": "medicine",
    "drug": "medicine",
    "pill": "medicine",
    "gp": "doctor",
    "physician": "doctor",
    "neurologist": "doctor",
    "anxious": "anxiety",
    "worry": "anxiety",
    "worried": "anxiety",
    "coffee": "caffeine",
    "electromyography": "emg",
    "dehydrated": "dehydration",
    "eye": "eyelid",  # "eye twitch" is the eyelid twitch
    "eyes": "eyelid",
    "vibration": "buzzing",
    "vibrating": "buzzing",
    "buzz": "buzzing",
    "buzzy": "buzzing",
}
IRREGULAR_PLURALS = {"calves": "calf", "feet": "foot", "teeth": "tooth", "halves": "half", "women": "woman", "men": "man"}
STOPWORDS = frozenset(
    "a an and are as at be by can do does for from has have how i in is it its me my of on or "
    "so that the their them there these they this to was we what when where which who why will "
    "with you your".split()
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CITATION = re.compile(r"\s*\[\d+\]")
_LIST_MARK = re.compile(r"^\s*(?:[-*]|\d+\.)\s+", re.MULTILINE)
_MARKDOWN_NOISE = re.compile(r"\]\([^)]*\)|https?://\S+|[#*_`|>\[\]]|^-{3,}$", re.MULTILINE)

TITLE_WEIGHT, HEADING_WEIGHT, BODY_WEIGHT = 12.0, 6.0, 1.0
CORRECTED_TERM_FACTOR = 0.7
SNIPPET_WIDTH = 140


def stem(word: str) -> str:
    """Fold simple English plurals: twitches -> twitch, injuries -> injury, calfs -> calf."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise_word(word: str) -> str:
    word = word.removesuffix("'s")
    word = WORD_SYNONYMS.get(word, word)
    word = stem(word)
    return WORD_SYNONYMS.get(word, word)


def _words(text: str) -> list[str]:
    lowered = text.lower().replace("\u2019", "'")
    for phrase, replacement in PHRASE_SYNONYMS.items():
        lowered = lowered.replace(phrase, replacement)
    return [w for w in _WORD.findall(lowered) if w not in STOPWORDS]


def terms(text: str) -> list[str]:
    """The search terms of a text, in order, with stop words left out."""
    return [normalise_word(w) for w in _words(text)]


def plain_text(markdown: str) -> str:
    """Readable text of a Markdown section for snippets: no citations, bullets, links or marks."""
    text = _MARKDOWN_NOISE.sub(" ", _LIST_MARK.sub("", _CITATION.sub("", markdown)))
    return re.sub(r"\s*-{2,}\s*", " ", text)


def matching_sections_label(count: int) -> str:
    """ "1 matching section", "2 matching sections"."""
    return f"{count} matching section{'' if count == 1 else 's'}"


def _deletions(term: str) -> set[str]:
    return {term[:i] + term[i + 1 :] for i in range(len(term))}


@dataclass(frozen=True)
class Highlighted:
    text: str
    highlighted: bool


@dataclass(frozen=True)
class SearchResult:
    chapter_id: str
    chapter_title: str
    section_id: str
    section_heading: str
    score: float
    snippet: tuple[Highlighted, ...]


@dataclass(frozen=True)
class _Entry:
    chapter: Chapter
    section_id: str
    heading: str
    plain_text: str
    title_terms: frozenset[str]
    heading_terms: frozenset[str]
    body_counts: dict[str, int]


class GuideIndex:
    """Built once from the chapters; `search` is read-only and cheap."""

    def __init__(self, chapters: tuple[Chapter, ...] | list[Chapter]) -> None:
        self._entries: list[_Entry] = []
        self._postings: dict[str, set[int]] = defaultdict(set)
        for chapter in chapters:
            for section in chapter.sections:
                if section.id == "references" or chapter.id == "references":
                    continue  # citations would match every query about their topic
                plain = plain_text(section.body)
                counts: dict[str, int] = defaultdict(int)
                for term in terms(plain):
                    counts[term] += 1
                entry = _Entry(
                    chapter=chapter,
                    section_id=section.id,
                    heading=section.heading,
                    plain_text=" ".join(plain.split()),
                    title_terms=frozenset(terms(chapter.title)),
                    heading_terms=frozenset(terms(section.heading)) if section.id != "intro" else frozenset(),
                    body_counts=dict(counts),
                )
                index = len(self._entries)
                self._entries.append(entry)
                for term in {*counts, *entry.title_terms, *entry.heading_terms}:
                    self._postings[term].add(index)
        self._by_deletion: dict[str, set[str]] = defaultdict(set)
        for term in self._postings:
            if len(term) >= 4:
                for variant in _deletions(term) | {term}:
                    self._by_deletion[variant].add(term)
        # Misspelt synonyms are forgiven too: "fasiculation" is one edit from "fasciculation" (-> twitch).
        for word in WORD_SYNONYMS:
            if len(word) >= 4 and (term := normalise_word(word)) in self._postings:
                for variant in _deletions(word) | {word}:
                    self._by_deletion[variant].add(term)

    @property
    def vocabulary_size(self) -> int:
        return len(self._postings)

    def _expand(self, word: str) -> dict[str, float]:
        """Guide terms a query word stands for, weighted 1 when exact and less for a typo fix."""
        term = normalise_word(word)
        if term in self._postings:
            return {term: 1.0}
        candidates: set[str] = set()
        for form in {term, word}:  # "stres" is one edit from "stress" only before stemming
            if len(form) >= 4:
                for variant in _deletions(form) | {form}:
                    candidates |= self._by_deletion.get(variant, set())
        return {candidate: CORRECTED_TERM_FACTOR for candidate in candidates}

    def search(self, query: str, limit: int = 10) -> list[SearchResult]:
        expansions = [e for e in (self._expand(w) for w in dict.fromkeys(_words(query))) if e]
        if not expansions:
            return []
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for expansion in expansions:
            hit_entries: set[int] = set()
            for term, factor in expansion.items():
                for index in self._postings[term]:
                    entry = self._entries[index]
                    score = BODY_WEIGHT * min(entry.body_counts.get(term, 0), 3)
                    if term in entry.title_terms:
                        score += TITLE_WEIGHT
                    if term in entry.heading_terms:
                        score += HEADING_WEIGHT
                    scores[index] += score * factor
                    hit_entries.add(index)
            for index in hit_entries:
                matched[index] += 1
        # Sections that match every query term come first, then the rest by score.
        ranked = sorted(scores, key=lambda i: (-matched[i], -scores[i], self._entries[i].chapter.order))
        wanted = {term for expansion in expansions for term in expansion}
        return [self._result(self._entries[i], scores[i], wanted) for i in ranked[:limit]]

    def _result(self, entry: _Entry, score: float, wanted: set[str]) -> SearchResult:
        return SearchResult(
            chapter_id=entry.chapter.id,
            chapter_title=entry.chapter.title,
            section_id=entry.section_id,
            section_heading=entry.heading,
            score=score,
            snippet=snippet(entry.plain_text, wanted),
        )


def snippet(text: str, wanted: set[str], width: int = SNIPPET_WIDTH) -> tuple[Highlighted, ...]:
    """A window of `text` around the first word that matches, split into highlighted parts."""
    words = list(re.finditer(r"\S+", text))

    def is_match(word: str) -> bool:
        return any(t in wanted for t in terms(word))

    first = next((i for i, w in enumerate(words) if is_match(w.group())), 0)
    start = words[max(first - 6, 0)].start() if words else 0
    window = text[start : start + width]
    cut = window.rfind(" ") if start + width < len(text) else len(window)
    window = window[: cut if cut > 0 else len(window)]
    parts: list[Highlighted] = []
    if start > 0:
        parts.append(Highlighted("\u2026", False))
    for token in re.split(r"(\s+)", window):
        highlighted = bool(token.strip()) and is_match(token)
        if parts and parts[-1].highlighted == highlighted:
            parts[-1] = Highlighted(parts[-1].text + token, highlighted)
        else:
            parts.append(Highlighted(token, highlighted))
    if start + len(window) < len(text):
        parts.append(Highlighted("\u2026", False))
    return tuple(p for p in parts if p.text)
