"""Insights and the doctor report over a large log: 10,000 episodes across a year.

Run with `make bench`. Target: everything the Insights screen computes, and a report with its
HTML, each under 200 ms for 10,000 episodes. Next to it, the floor of one plain pass over the
episodes (reading each one's local day) measured in the same run, so the ratio means something
on a noisy machine.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from pwa.adapters.episode_repository import JournalEpisodeRepository
from pwa.adapters.journal_store import JournalStore
from pwa.core.episodes import BODY_REGIONS, KNOWN_TRIGGERS, SIDES, DayCheckIn, validate_episode
from pwa.core.insights import period_view
from pwa.core.relaxation_log import SessionRecord
from pwa.core.report import build_report, report_html

EPISODES = 10_000
REPEATS = 7
TARGET_MS = 200
TODAY = dt.date(2026, 11, 23)


def make_log(seed: int = 7):
    rng = random.Random(seed)
    zone = dt.timezone(dt.timedelta(hours=1))
    start = dt.datetime.combine(TODAY - dt.timedelta(days=364), dt.time(), tzinfo=zone)
    regions = list(BODY_REGIONS)
    episodes = []
    for i in range(EPISODES):
        region = rng.choice(regions)
        location = {"region": region, "side": rng.choice(SIDES) if BODY_REGIONS[region] else None}
        if region == "other":
            location["other_text"] = "toe"
        episodes.append(
            validate_episode(
                {
                    "id": f"e{i}",
                    "started_at": start + dt.timedelta(seconds=rng.randrange(365 * 86400)),
                    "locations": [location],
                    "intensity": rng.randrange(11),
                    "duration_seconds": rng.choice([None, 5, 60, 600]),
                    "triggers": rng.sample(KNOWN_TRIGGERS, rng.randrange(3)),
                    "note": rng.choice(["", "after coffee", "felt weak and tired", "started magnesium"]),
                },
                None,
            )
        )
    check_ins = [
        DayCheckIn(TODAY - dt.timedelta(days=n), sleep_hours=rng.choice([5, 7, 8]), caffeine_drinks=rng.randrange(4), stress=rng.randrange(11))
        for n in range(0, 365, 2)
    ]
    sessions = [
        SessionRecord(start + dt.timedelta(days=n, hours=21), "Box breathing", 300) for n in range(0, 365, 3)
    ]
    return episodes, check_ins, sessions


def timed(action, repeats: int = REPEATS) -> list[float]:
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def main() -> int:
    episodes, check_ins, sessions = make_log()

    def floor() -> None:
        for episode in episodes:
            episode.started_at.astimezone(None).date()

    def insights_screen(days: int):  # what InsightsScreen computes for one chosen period
        def show() -> None:
            local = [e.started_at.astimezone() for e in episodes]
            first = TODAY - dt.timedelta(days=days - 1) if days else min(local).date()
            period_view(episodes, check_ins, sessions, first, TODAY, TODAY, None, local)

        return show

    def report(days: int):
        def make() -> None:
            made = build_report(episodes, check_ins, sessions, TODAY - dt.timedelta(days=days - 1), TODAY, dt.datetime.now(dt.timezone.utc))
            report_html(made)

        return make

    with tempfile.TemporaryDirectory() as folder:
        store = JournalStore(Path(folder) / "log.json")
        JournalEpisodeRepository(store).save_many(episodes)

        def first_read() -> None:  # opening the log and parsing every stored entry (first visit to Insights)
            repository = JournalEpisodeRepository(JournalStore(Path(folder) / "log.json"))
            repository.find()

        rows = [
            ("one pass over the episodes (floor)", timed(floor)),
            ("Insights screen, last 4 weeks", timed(insights_screen(28))),
            ("Insights screen, everything (a year)", timed(insights_screen(0))),
            ("report, last 4 weeks, with HTML", timed(report(28))),
            ("report, whole year, with HTML", timed(report(365))),
            ("open the log file and parse every entry", timed(first_read, repeats=3)),
        ]
    floor_ms = statistics.median(rows[0][1])
    print(f"\nInsights and report, {EPISODES:,} episodes over a year (medians of {REPEATS} runs; open: 3)")
    print(f"{'what':<46} {'median ms':>10} {'max ms':>8} {'x floor':>8} {'of 200 ms':>10}")
    failed = False
    for name, samples in rows:
        median = statistics.median(samples)
        budgeted = name.startswith(("Insights", "report"))
        failed |= budgeted and median >= TARGET_MS
        share = f"{median / TARGET_MS:>9.0%}" if budgeted else f"{'-':>9}"
        print(f"{name:<46} {median:>10.1f} {max(samples):>8.1f} {median / floor_ms:>8.1f} {share:>10}")
    print("target: Insights and each report under 200 ms:", "not met" if failed else "met")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
