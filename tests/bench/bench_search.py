"""Guide search speed: index build time and per-query latency over the whole shipped guide.

Run with `make bench`. Prints medians next to a naive baseline (a lower-case substring scan of
every section, with no ranking, typo or synonym handling) measured in the same run, so the ratio
is meaningful on a noisy machine. Target: a query under 5 ms median.
"""

from __future__ import annotations

import statistics
import time

from pwa.adapters.content_files import load_chapters
from pwa.adapters.paths import CONTENT_DIR
from pwa.core.search import GuideIndex
from tests.content.test_guide_content import QUERIES

REPEATS = 30


def timed(action, repeats: int = REPEATS) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    chapters = load_chapters(CONTENT_DIR)
    sections = [s.body.lower() for c in chapters for s in c.sections]
    builds = timed(lambda: GuideIndex(chapters), repeats=20)
    index = GuideIndex(chapters)
    ours, naive = [], []
    for query in QUERIES:
        ours += timed(lambda q=query: index.search(q))
        naive += timed(lambda q=query.lower(): [s for s in sections if q in s])
    words = sum(len(c.body.split()) for c in chapters)
    print(f"\nGuide search over {len(chapters)} chapters, {len(sections)} sections, {words} words, "
          f"{index.vocabulary_size} terms; {len(QUERIES)} queries x {REPEATS} runs\n")  # fmt: skip
    print(f"| {'measure':30} | {'median ms':>9} | {'p95 ms':>7} |")
    print(f"|{'-' * 32}|{'-' * 11}|{'-' * 9}|")
    for label, samples in (("index build (once)", builds), ("query: guide search", ours), ("query: naive substring scan", naive)):
        print(f"| {label:30} | {statistics.median(samples) * 1e3:9.3f} | {percentile(samples, 0.95) * 1e3:7.3f} |")
    print(f"\nsearch / naive scan, median: {statistics.median(ours) / statistics.median(naive):.1f}x; target: search under 5 ms median")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
