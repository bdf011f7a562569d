"""Symptom-log storage at 1,000, 10,000 and 100,000 episodes, beside stock TinyDB in the same run.

Run with `make bench` (or `python -m tests.bench.bench_log_storage --sizes 1000 10000`). Ours is
`JournalEpisodeRepository` on `JournalStore` (fsynced journal, atomic folds); stock is TinyDB's
default `JSONStorage`, which rewrites the whole file on every change, without fsync. Times are
medians in milliseconds. Targets at 100,000 entries (issue 14): a save at most 10 ms (median) and
no single save over 250 ms across a journal fold, opening the log at most 500 ms, a filtered
history and the month view at most 100 ms. Ours folds on a thread, as the server runs it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from tinydb import Query, TinyDB
from tinydb.table import Document

from pwa.adapters.episode_repository import EpisodeFilter, JournalEpisodeRepository
from pwa.adapters.journal_store import JournalStore
from pwa.core.episodes import validate_episode

UTC = dt.timezone.utc
START = dt.datetime(2025, 1, 1, tzinfo=UTC)
REGIONS = [("calf", "left"), ("calf", "right"), ("thigh", "left"), ("eyelid", "right"), ("hand", "left"), ("back", None)]
NOW = dt.datetime(2030, 1, 1, tzinfo=UTC)
MONTH = (dt.datetime(2025, 6, 1, tzinfo=UTC), dt.datetime(2025, 7, 1, tzinfo=UTC))


def make_episodes(count: int, rng: random.Random):
    span = 365 * 24 * 3600
    for n in range(count):
        region, side = rng.choice(REGIONS)
        yield validate_episode(
            {
                "started_at": (START + dt.timedelta(seconds=rng.randrange(span))).isoformat(),
                "locations": [{"region": region, "side": side}],
                "intensity": rng.randrange(11),
                "duration_seconds": rng.choice([None, 5, 30, 120]),
                "type": rng.choice(["twitch", "twitch", "cramp", "tingling"]),
                "triggers": rng.sample(["caffeine", "stress", "poor sleep", "exercise"], rng.randrange(3)),
                "note": "calf buzzing after walk" if n % 7 == 0 else "",
            },
            NOW,
        )


def median_ms(action, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def _open_ours(path: Path) -> JournalEpisodeRepository:
    return JournalEpisodeRepository(JournalStore(path, fold_in_background=True))


def measure_ours(folder: Path, episodes, extra, repeats: int) -> dict[str, float]:
    path = folder / "ours.json"
    repo = _open_ours(path)
    repo.save_many(episodes)
    pending = iter(extra)
    results = {"insert": median_ms(lambda: repo.save(next(pending)), repeats)}
    targets = iter(episodes[:repeats])
    results["update"] = median_ms(lambda: repo.save(_edited(next(targets))), repeats)
    victims = iter(episodes[repeats : 2 * repeats])
    results["delete"] = median_ms(lambda: repo.delete(next(victims).id), repeats)
    opened = []  # kept until all are timed: the app opens the log once and never pays for freeing an old one
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        opened.append(_open_ours(path))
        samples.append(time.perf_counter() - start)
        opened[-1].indexing.join()  # its background indexing is not part of the next opening
    results["open"] = statistics.median(samples) * 1000
    opened.clear()
    month = EpisodeFilter(start=MONTH[0], end=MONTH[1])
    results["list a month"] = median_ms(lambda: repo.find(month), 5)
    results["month view (marked days)"] = median_ms(lambda: {e.started_at.astimezone().date() for e in repo.find(month)}, 5)
    cold = JournalEpisodeRepository(JournalStore(path))  # no threads (the browser): the first filter builds the index
    start = time.perf_counter()
    cold.find(EpisodeFilter(region="calf", trigger="stress"), limit=101)
    results["filter, first (no thread)"] = (time.perf_counter() - start) * 1000
    del cold
    warm = _open_ours(path)  # the server indexes on a thread just after opening
    time.sleep(1)  # the seconds it takes a person to reach the log's filters
    start = time.perf_counter()
    warm.find(EpisodeFilter(region="calf", trigger="stress"), limit=101)
    results["filter, first (server)"] = (time.perf_counter() - start) * 1000
    del warm
    results["filter (calf + stress)"] = median_ms(lambda: repo.find(EpisodeFilter(region="calf", trigger="stress")), 5)
    results["history page, filtered"] = median_ms(lambda: repo.find(EpisodeFilter(region="calf", trigger="stress"), limit=101), 5)
    results["search notes, no match"] = median_ms(lambda: repo.find(EpisodeFilter(text="no such words"), limit=101), 5)
    return results


def slowest_save(folder: Path, episodes, count: int) -> tuple[float, float]:
    """(median, slowest) save in ms over `count` saves on a log of `episodes`: enough to cross a fold."""
    path = folder / "saves.json"
    repo = _open_ours(path)
    repo.save_many(episodes)
    samples = []
    for episode in make_episodes(count, random.Random(5)):
        start = time.perf_counter()
        repo.save(episode)
        samples.append(time.perf_counter() - start)
    repo._store.wait_for_fold()
    return statistics.median(samples) * 1000, max(samples) * 1000


def measure_stock(folder: Path, episodes, extra, repeats: int) -> dict[str, float]:
    path = folder / "stock.json"
    db = TinyDB(path)
    table = db.table("episodes")
    doc_ids = table.insert_multiple(e.to_dict() for e in episodes)
    pending = iter(extra)
    results = {"insert": median_ms(lambda: table.insert(next(pending).to_dict()), repeats)}
    targets = iter(zip(doc_ids[:repeats], episodes[:repeats]))

    def update():
        doc_id, episode = next(targets)
        table.upsert(Document(_edited(episode).to_dict(), doc_id=doc_id))

    results["update"] = median_ms(update, repeats)
    victims = iter(doc_ids[repeats : 2 * repeats])
    results["delete"] = median_ms(lambda: table.remove(doc_ids=[next(victims)]), repeats)
    results["open"] = median_ms(lambda: TinyDB(path).table("episodes").all(), 3)
    low, high = MONTH[0].isoformat(), MONTH[1].isoformat()
    item = Query()

    def search(query):
        table.clear_cache()  # TinyDB caches query results; measure the search itself
        return table.search(query)

    results["list a month"] = median_ms(lambda: search(item.started_at.test(lambda t: low <= t < high)), 5)
    results["month view (marked days)"] = results["list a month"]
    results["filter (calf + stress)"] = median_ms(
        lambda: search(item.locations.any(Query().region == "calf") & item.triggers.any(["stress"])), 5
    )
    results["filter, first (no thread)"] = results["filter, first (server)"] = results["history page, filtered"] = results["filter (calf + stress)"]
    results["search notes, no match"] = median_ms(lambda: search(item.note.search("no such words")), 5)
    db.close()
    return results


def _edited(episode):
    return validate_episode({**episode.to_dict(), "note": "edited"}, NOW)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    options = parser.parse_args(argv)
    rng = random.Random(1)
    print("\nSymptom-log storage, medians in ms (ours: fsynced journal; stock TinyDB: whole-file rewrite, no fsync)\n")
    print(f"| {'episodes':>8} | {'operation':24} | {'ours':>9} | {'stock':>9} | {'stock/ours':>10} |")
    print(f"|{'-' * 10}|{'-' * 26}|{'-' * 11}|{'-' * 11}|{'-' * 12}|")
    checks = []
    for size in options.sizes:
        episodes = list(make_episodes(size, rng))
        extra = list(make_episodes(40, rng))
        repeats_ours = 20
        repeats_stock = 20 if size <= 10000 else 3  # each stock change rewrites ~30 MB at 100,000
        with tempfile.TemporaryDirectory() as tmp:
            ours = measure_ours(Path(tmp), episodes, extra[:repeats_ours], repeats_ours)
            stock = measure_stock(Path(tmp), episodes, extra[repeats_ours:], repeats_stock)
        for operation in ours:
            ratio = stock[operation] / ours[operation] if ours[operation] else float("inf")
            print(f"| {size:>8,} | {operation:24} | {ours[operation]:9.2f} | {stock[operation]:9.2f} | {ratio:10.1f} |")
        if size >= 100_000:
            with tempfile.TemporaryDirectory() as tmp:
                median, slowest = slowest_save(Path(tmp), episodes, 2500)
            checks.append((size, ours, median, slowest))
    print("\nTargets at 100,000 entries (ours):")
    for size, ours, median, slowest in checks:
        for name, value, limit in (
            ("save, median of 2,500 (a fold among them)", median, 10), ("slowest of those saves", slowest, 250),
            ("open the log", ours["open"], 500), ("history page, filtered", ours["history page, filtered"], 100),
            ("first filter, server (indexed after opening)", ours["filter, first (server)"], 100),
            ("first filter, browser (builds the index)", ours["filter, first (no thread)"], 100),
            ("month view (marked days)", ours["month view (marked days)"], 100),
        ):  # fmt: skip
            print(f"  {name:42} {value:9.2f} ms  (target <= {limit} ms)  {'ok' if value <= limit else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
