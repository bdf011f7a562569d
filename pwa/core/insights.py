"""What the log shows over time: trends, where on the body, and what tends to go with busier days.

Everything is counted per local calendar day in the zone given (None: the device's own zone, with
its clock changes). Insights describe associations in the user's own log, never causes, and only
when there is enough of it: at least MIN_SPAN_DAYS of logging and MIN_DAYS_EACH days with and
without a factor. Nothing here scores the user or counts streaks.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pwa.core.episodes import KNOWN_TRIGGERS, DayCheckIn, Episode
from pwa.core.relaxation_log import SessionRecord

MIN_SPAN_DAYS = 14
MIN_DAYS_EACH = 3
SIMILAR_RATIO = 1.25  # counts within 25% of each other are "about the same"
SIMILAR_INTENSITY = 0.75  # points on the 0-10 scale
RELAXATION = "a relaxation session"
MIN_ENTRIES_TO_COMPARE = 6  # fewer entries than this in a period: no "first half / second half" remark

# A day check-in answers some triggers for that day, whether or not anything was logged.
CHECK_IN_FACTORS = {
    "caffeine": lambda c: None if c.caffeine_drinks is None else c.caffeine_drinks > 0,
    "poor sleep": lambda c: None if c.sleep_hours is None else c.sleep_hours < 6,
    "stress": lambda c: None if c.stress is None else c.stress >= 6,
    "exercise": lambda c: None if c.exercise_minutes is None else c.exercise_minutes >= 20,
}


def local_day(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.date:
    return moment.astimezone(zone).date()


@dataclass(frozen=True)
class DayStat:
    day: dt.date
    count: int = 0
    intensity_total: int = 0
    intensity_noted: int = 0  # entries with an intensity; the others were logged without one

    @property
    def mean_intensity(self) -> float | None:
        return self.intensity_total / self.intensity_noted if self.intensity_noted else None


@dataclass(frozen=True)
class Bar:
    label: str  # "Mon 23" or "16 Nov" (week starting)
    start: dt.date
    days: int
    count: int
    mean_intensity: float | None  # over the entries with an intensity; None when none had one
    intensity_noted: int = 0


@dataclass(frozen=True)
class Trend:
    weeks: int
    bars: tuple[Bar, ...]
    summary: str  # for screen readers and the report; plain and calm


def days_by_date(
    episodes: Iterable[Episode], zone: dt.tzinfo | None, days: Iterable[dt.date] | None = None
) -> dict[dt.date, DayStat]:
    """Entries, and the intensities noted, per local day. `days`: each episode's local day, if known already."""
    episodes = list(episodes)
    days = [local_day(e.started_at, zone) for e in episodes] if days is None else days
    counts: dict[dt.date, list[int]] = {}
    for episode, day in zip(episodes, days):
        entry = counts.setdefault(day, [0, 0, 0])
        entry[0] += 1
        if episode.intensity is not None:
            entry[1] += episode.intensity
            entry[2] += 1
    return {day: DayStat(day, c, total, noted) for day, (c, total, noted) in counts.items()}


def bars(stats: dict[dt.date, DayStat], first: dt.date, last: dt.date) -> list[Bar]:
    """One bar per day for up to 31 days, else one per week (the last one may be shorter)."""
    length = (last - first).days + 1
    step = 1 if length <= 31 else 7
    found = []
    for offset in range(0, length, step):
        start = first + dt.timedelta(days=offset)
        size = min(step, length - offset)
        days = [stats.get(start + dt.timedelta(days=i)) for i in range(size)]
        count = sum(d.count for d in days if d)
        total = sum(d.intensity_total for d in days if d)
        noted = sum(d.intensity_noted for d in days if d)
        label = f"{start:%a} {start.day}" if step == 1 else f"{start.day} {start:%b}"
        found.append(Bar(label, start, size, count, total / noted if noted else None, noted))
    return found


def trend(stats: dict[dt.date, DayStat], today: dt.date, weeks: int) -> Trend:
    """Bars per day for up to 4 weeks, per week for longer; a summary sentence to go with them."""
    first = today - dt.timedelta(days=weeks * 7 - 1)
    found = bars(stats, first, today)
    return Trend(weeks, tuple(found), period_summary(found, stats, first, today, period_name(first, today, today)))


def period_summary(found: list[Bar], stats: dict[dt.date, DayStat], first: dt.date, today: dt.date, period: str) -> str:
    logged_days = [d for day, d in stats.items() if first <= day <= today]
    if not logged_days:
        return f"Nothing was logged in {period}."
    total_days = (today - first).days + 1
    count = sum(d.count for d in logged_days)
    text = f"In {period} you logged entries on {len(logged_days)} of {total_days} days. " + intensity_sentence(
        sum(d.intensity_total for d in logged_days), sum(d.intensity_noted for d in logged_days), count
    )
    half = len(found) // 2
    if half and count >= MIN_ENTRIES_TO_COMPARE:
        earlier = sum(b.count for b in found[:half])
        later = sum(b.count for b in found[len(found) - half:])
        text += " " + _compare_halves(earlier, later)
    return text


def intensity_sentence(total: int, noted: int, count: int) -> str:
    """The average intensity over the entries that have one, and how many those are."""
    if not noted:
        return f"No intensity was noted on {'this entry' if count == 1 else f'these {count} entries'}."
    return f"Average intensity {total / noted:.1f} out of 10 (intensity noted for {noted} of {count} entries)."


def period_name(start: dt.date, end: dt.date, today: dt.date) -> str:
    """How a period is named in every sentence about it, on screen and in the report."""
    days = (end - start).days + 1
    if end == today and days % 7 == 0:
        return "the last week" if days == 7 else f"the last {days // 7} weeks"
    if days == 1:
        return f"{start.day} {start:%B %Y}"
    return f"the {days} days from {start.day} {start:%B %Y} to {end.day} {end:%B %Y}"


@dataclass(frozen=True)
class PeriodView:
    """Everything the insights screen and the report say about one period, computed once, the same way."""

    start: dt.date
    end: dt.date
    name: str
    episodes: tuple[Episode, ...]  # in the period, oldest first
    local_starts: tuple[dt.datetime, ...]  # each one's start in the zone used
    stats: dict[dt.date, DayStat]
    bars: tuple[Bar, ...]
    summary: str
    places: tuple[tuple[str, int], ...]
    check_ins: tuple[DayCheckIn, ...]
    sessions: tuple[SessionRecord, ...]
    insights: Insights


def period_view(
    all_episodes: list[Episode],
    check_ins: list[DayCheckIn],
    sessions: list[SessionRecord],
    start: dt.date,
    end: dt.date,
    today: dt.date,
    zone: dt.tzinfo | None,
    all_local: list[dt.datetime] | None = None,
) -> PeriodView:
    """The period from `start` to `end` (local days in `zone`, both included): trend, places and factors.

    `all_local`: each episode's start in `zone`, when the caller has them (converting is the slow part).
    """
    all_local = [e.started_at.astimezone(zone) for e in all_episodes] if all_local is None else all_local
    chosen = sorted(
        ((e, moment) for e, moment in zip(all_episodes, all_local) if start <= moment.date() <= end),
        key=lambda pair: pair[0].started_at,
    )
    episodes = [e for e, _ in chosen]
    local_starts = tuple(moment for _, moment in chosen)
    days = [moment.date() for moment in local_starts]
    stats = days_by_date(episodes, zone, days)
    found = bars(stats, start, end)
    name = period_name(start, end, today)
    period_check_ins = tuple(c for c in check_ins if start <= c.day <= end)
    period_sessions = tuple(s for s in sessions if start <= local_day(s.started_at, zone) <= end)
    return PeriodView(
        start,
        end,
        name,
        tuple(episodes),
        local_starts,
        stats,
        tuple(found),
        period_summary(found, stats, start, end, name),
        tuple(places(episodes)),
        period_check_ins,
        period_sessions,
        factor_insights(episodes, list(period_check_ins), list(period_sessions), end, zone, days),
    )


def _compare_halves(earlier: int, later: int) -> str:
    if _similar(earlier, later):
        return "The first and second half were about the same."
    return "The second half had fewer entries than the first." if later < earlier else (
        "The second half had more entries than the first. Ups and downs like this are common."
    )


def _similar(a: float, b: float) -> bool:
    low, high = sorted((a, b))
    return high == 0 or (low > 0 and high / low <= SIMILAR_RATIO) or high - low < 0.5


def places(episodes: Iterable[Episode]) -> list[tuple[str, int]]:
    """Where entries were logged, most often first (an entry with two places counts for both)."""
    counter: Counter = Counter()
    for episode in episodes:
        locations = episode.locations
        counter.update(locations if len(locations) == 1 else set(locations))
    by_label: Counter[str] = Counter()
    for location, count in counter.items():
        by_label[location.label] += count
    return sorted(by_label.items(), key=lambda item: (-item[1], item[0]))


@dataclass(frozen=True)
class FactorInsight:
    factor: str
    days_with: int
    days_without: int
    per_day_with: float | None = None
    per_day_without: float | None = None
    intensity_with: float | None = None
    intensity_without: float | None = None
    sentence: str = ""  # set when there is enough data
    missing: str = ""  # set when there is not: what is still needed

    @property
    def shown(self) -> bool:
        return bool(self.sentence)


@dataclass(frozen=True)
class Insights:
    span_days: int
    factors: tuple[FactorInsight, ...]
    missing: str  # "" once the log is long enough for comparisons at all


def factor_insights(
    episodes: list[Episode],
    check_ins: list[DayCheckIn],
    sessions: list[SessionRecord],
    today: dt.date,
    zone: dt.tzinfo | None,
    days: list[dt.date] | None = None,
) -> Insights:
    """Compare days with and without each trigger, and with and without a relaxation session.

    Which days count: a trigger noted on an entry only tells about days with entries (a day
    with nothing logged has nothing noted either), so for those triggers only days with entries
    are compared. A day check-in answers caffeine, sleep, stress and exercise for its day, with
    or without entries. Relaxation sessions are recorded on their own, so every day counts.
    `days`: each episode's local day, when the caller has them already.
    """
    days = [local_day(e.started_at, zone) for e in episodes] if days is None else days
    stats = days_by_date(episodes, zone, days)
    if not stats and not check_ins:
        return Insights(0, (), f"Insights appear after {MIN_SPAN_DAYS} days of logging.")
    first = min([*stats, *(c.day for c in check_ins)])
    span = (today - first).days + 1
    noted: dict[dt.date, set[str]] = {}
    for episode, day in zip(episodes, days):
        if episode.triggers:
            noted.setdefault(day, set()).update(episode.triggers)
    by_day_check_in = {c.day: c for c in check_ins if first <= c.day <= today}
    relaxed_days = {local_day(s.started_at, zone) for s in sessions}

    every_trigger = list(dict.fromkeys([*KNOWN_TRIGGERS, *sorted({t for ts in noted.values() for t in ts})]))
    all_days = [first + dt.timedelta(days=i) for i in range(span)]
    results = []
    for trigger in every_trigger:
        with_days, without_days = [], []
        for day in all_days:
            answer = None
            check_in = by_day_check_in.get(day)
            if check_in is not None and trigger in CHECK_IN_FACTORS:
                answer = CHECK_IN_FACTORS[trigger](check_in)
            if trigger in noted.get(day, ()):
                answer = True
            elif answer is None and day in stats:
                answer = False
            if answer is True:
                with_days.append(day)
            elif answer is False:
                without_days.append(day)
        if with_days:  # a trigger never noted says nothing; it is left out
            results.append(_compare(trigger, with_days, without_days, stats, span))
    relaxed = [d for d in all_days if d in relaxed_days]
    if relaxed:
        results.append(_compare(RELAXATION, relaxed, [d for d in all_days if d not in relaxed_days], stats, span))
    missing = "" if span >= MIN_SPAN_DAYS else (
        f"Comparisons need {MIN_SPAN_DAYS} days of logging; yours covers {span} so far."
    )
    return Insights(span, tuple(results), missing)


def _compare(factor: str, with_days: list[dt.date], without_days: list[dt.date], stats, span: int) -> FactorInsight:
    base = FactorInsight(factor, len(with_days), len(without_days))
    needs = []
    if span < MIN_SPAN_DAYS:
        needs.append(f"{MIN_SPAN_DAYS - span} more day{'s' if MIN_SPAN_DAYS - span != 1 else ''} of logging")
    for days, what in ((with_days, "with"), (without_days, "without")):
        if len(days) < MIN_DAYS_EACH:
            short = MIN_DAYS_EACH - len(days)
            needs.append(f"{short} more day{'s' if short != 1 else ''} {what} {factor}")
    if needs:
        return FactorInsight(**{**base.__dict__, "missing": "Needs " + " and ".join(needs) + "."})

    def per_day(days):
        return sum(stats[d].count for d in days if d in stats) / len(days)

    def intensity(days):
        noted = sum(stats[d].intensity_noted for d in days if d in stats)
        return sum(stats[d].intensity_total for d in days if d in stats) / noted if noted else None

    with_rate, without_rate = per_day(with_days), per_day(without_days)
    with_intensity, without_intensity = intensity(with_days), intensity(without_days)
    label = "had a relaxation session" if factor == RELAXATION else f"noted {factor}"
    if _similar(with_rate, without_rate):
        sentence = f"On days you {label} you logged about as many entries as on other days"
    else:
        sentence = f"On days you {label} you logged {'more' if with_rate > without_rate else 'fewer'} entries than on other days"
    if with_intensity is not None and without_intensity is not None and abs(with_intensity - without_intensity) >= SIMILAR_INTENSITY:
        sentence += f", and they felt {'stronger' if with_intensity > without_intensity else 'milder'} on average"
    sentence += f" ({len(with_days)} days with, {len(without_days)} without)."
    return FactorInsight(
        factor, len(with_days), len(without_days), with_rate, without_rate, with_intensity, without_intensity, sentence, ""
    )


# Said once wherever factor sentences are shown (on screen and in the report), not after each one.
NOT_A_CAUSE = "These are patterns in your own log, not proof of a cause."

VERY_OFTEN = 10  # entries in one day after which the app offers, once that day, a gentle word


def gentle_note_due(entries_today: int, last_shown: dt.date | None, today: dt.date) -> bool:
    """True when the gentle note about checking should appear: many entries today, not yet shown today."""
    return entries_today > VERY_OFTEN and last_shown != today
