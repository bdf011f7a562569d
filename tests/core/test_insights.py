"""Insight maths on hand-made logs: trends, places, factor comparisons, thresholds, days and zones."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pwa.core.episodes import DayCheckIn, validate_episode
from pwa.core.insights import (
    MIN_SPAN_DAYS,
    RELAXATION,
    days_by_date,
    factor_insights,
    gentle_note_due,
    places,
    trend,
)
from pwa.core.relaxation_log import SessionRecord
from tests.factories import make_episode

UTC = dt.timezone.utc
TODAY = dt.date(2026, 11, 23)
_ids = iter(range(10**6))


def entry(day: dt.date, hour: int = 12, *, intensity: int | None = 3, triggers=(), where=("calf", "left"), zone=UTC):
    region, side = where
    moment = dt.datetime.combine(day, dt.time(hour), tzinfo=zone)
    return make_episode(moment, region=region, side=side, id=f"e{next(_ids)}", intensity=intensity, triggers=list(triggers))


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def factor(insights, name):
    (found,) = [f for f in insights.factors if f.factor == name]
    return found


def test_trend_bars_are_daily_up_to_four_weeks_and_weekly_beyond():
    log = [entry(TODAY), entry(TODAY), entry(days_ago(1), intensity=5), entry(days_ago(30))]
    stats = days_by_date(log, UTC)
    week = trend(stats, TODAY, 1)
    assert len(week.bars) == 7 and week.bars[-1].count == 2 and week.bars[-2].count == 1
    assert week.bars[-1].mean_intensity == 3 and week.bars[0].mean_intensity is None
    assert week.summary.startswith(
        "In the last week you logged entries on 2 of 7 days. Average intensity 3.7 out of 10 (intensity noted for 3 of 3 entries)."
    )
    assert len(trend(stats, TODAY, 4).bars) == 28
    twelve = trend(stats, TODAY, 12)
    assert len(twelve.bars) == 12 and all(b.days == 7 for b in twelve.bars)
    assert sum(b.count for b in twelve.bars) == 4
    assert trend({}, TODAY, 4).summary == "Nothing was logged in the last 4 weeks."


def test_trend_summary_compares_halves_calmly():
    busy_then_calm = [entry(days_ago(n)) for n in (27, 26, 25, 24, 23, 22)] + [entry(days_ago(1))]
    summary = trend(days_by_date(busy_then_calm, UTC), TODAY, 4).summary
    assert summary.endswith("The second half had fewer entries than the first.")
    even = [entry(days_ago(n)) for n in (20, 19, 18, 3, 2, 1)]
    assert trend(days_by_date(even, UTC), TODAY, 4).summary.endswith("The first and second half were about the same.")
    few = [entry(days_ago(1))]  # one entry says nothing about halves
    assert trend(days_by_date(few, UTC), TODAY, 4).summary.endswith("Average intensity 3.0 out of 10 (intensity noted for 1 of 1 entries).")


def test_entries_without_an_intensity_are_left_out_of_every_average_and_counted_as_such():
    log = [entry(TODAY, intensity=None), entry(TODAY, intensity=8), entry(TODAY, intensity=None), entry(days_ago(1), intensity=None)]
    stats = days_by_date(log, UTC)
    assert (stats[TODAY].count, stats[TODAY].intensity_noted, stats[TODAY].mean_intensity) == (3, 1, 8.0)
    assert stats[days_ago(1)].mean_intensity is None and stats[days_ago(1)].intensity_noted == 0
    week = trend(stats, TODAY, 1)
    assert (week.bars[-1].mean_intensity, week.bars[-1].intensity_noted) == (8.0, 1)
    assert week.bars[-2].mean_intensity is None and week.bars[-2].count == 1
    assert week.summary == (
        "In the last week you logged entries on 2 of 7 days. Average intensity 8.0 out of 10 (intensity noted for 1 of 4 entries)."
    )
    none_noted = days_by_date([entry(TODAY, intensity=None), entry(TODAY, intensity=None)], UTC)
    assert trend(none_noted, TODAY, 1).summary.endswith("days. No intensity was noted on these 2 entries.")
    one = days_by_date([entry(TODAY, intensity=None)], UTC)
    assert trend(one, TODAY, 1).summary.endswith("days. No intensity was noted on this entry.")
    zero = days_by_date([entry(TODAY, intensity=0), entry(TODAY, intensity=None)], UTC)
    assert zero[TODAY].mean_intensity == 0.0  # a noted 0 is a value, not a missing one


def test_a_factor_compares_intensity_only_over_entries_that_have_one():
    log = []
    for n in range(14):
        if n % 2:
            log += [entry(days_ago(n), triggers=["caffeine"], intensity=6), entry(days_ago(n), triggers=["caffeine"], intensity=None)]
        else:
            log.append(entry(days_ago(n), intensity=None if n % 4 else 2))
    caffeine = factor(factor_insights(log, [], [], TODAY, UTC), "caffeine")
    assert (caffeine.intensity_with, caffeine.intensity_without) == (6, 2)
    silent = [entry(days_ago(n), triggers=["caffeine"] if n % 2 else [], intensity=None) for n in range(14)]
    caffeine = factor(factor_insights(silent, [], [], TODAY, UTC), "caffeine")
    assert caffeine.intensity_with is None and "felt" not in caffeine.sentence


def test_places_count_each_place_once_per_entry_most_first():
    log = [entry(TODAY, where=("calf", "left")), entry(TODAY, where=("calf", "left")), entry(TODAY, where=("eyelid", "right"))]
    assert places(log) == [("left calf", 2), ("right eyelid", 1)]


def test_days_follow_the_zone_so_late_evening_entries_belong_to_their_local_day():
    late = validate_episode(
        {"started_at": "2026-11-01T23:30:00+00:00", "locations": [{"region": "neck"}]}, None
    )
    assert list(days_by_date([late], UTC)) == [dt.date(2026, 11, 1)]
    assert list(days_by_date([late], ZoneInfo("Europe/Berlin"))) == [dt.date(2026, 11, 2)]
    assert list(days_by_date([late], ZoneInfo("America/New_York"))) == [dt.date(2026, 11, 1)]
    # the night the clocks go back in New York (1 November 2026): 00:30 and 01:30 twice are one local day
    new_york = ZoneInfo("America/New_York")
    night = [
        validate_episode({"started_at": f"2026-11-01T{t}", "locations": [{"region": "neck"}]}, None)
        for t in ("04:30:00+00:00", "05:30:00+00:00", "06:30:00+00:00")
    ]
    assert days_by_date(night, new_york)[dt.date(2026, 11, 1)].count == 3


def test_no_insight_before_fourteen_days_and_it_says_what_is_missing():
    log = [entry(days_ago(n), triggers=["stress"] if n % 2 else []) for n in range(10)]
    insights = factor_insights(log, [], [], TODAY, UTC)
    assert insights.span_days == 10
    assert insights.missing == f"Comparisons need {MIN_SPAN_DAYS} days of logging; yours covers 10 so far."
    stress = factor(insights, "stress")
    assert not stress.shown and stress.missing == "Needs 4 more days of logging."


def test_too_few_days_with_or_without_is_explained():
    log = [entry(days_ago(n), triggers=["alcohol"] if n in (3, 7) else ["caffeine"]) for n in range(20)]
    insights = factor_insights(log, [], [], TODAY, UTC)
    assert insights.missing == ""
    assert factor(insights, "alcohol").missing == "Needs 1 more day with alcohol."
    assert factor(insights, "caffeine").missing == "Needs 1 more day without caffeine."
    assert factor(insights, "caffeine").days_with == 18
    assert [f.factor for f in insights.factors] == ["caffeine", "alcohol"]  # never-noted triggers are left out


def test_the_association_sign_follows_the_data():
    log = []
    for n in range(14):
        if n % 3 == 0:  # 5 days with poor sleep: three stronger entries each
            log += [entry(days_ago(n), triggers=["poor sleep"], intensity=6) for _ in range(3)]
        else:  # 9 days without: one milder entry
            log.append(entry(days_ago(n), intensity=2))
    sleep = factor(factor_insights(log, [], [], TODAY, UTC), "poor sleep")
    assert (sleep.days_with, sleep.days_without) == (5, 9)
    assert (sleep.per_day_with, sleep.per_day_without) == (3, 1)
    assert (sleep.intensity_with, sleep.intensity_without) == (6, 2)
    assert sleep.sentence == (
        "On days you noted poor sleep you logged more entries than on other days, and they felt stronger on average "
        "(5 days with, 9 without)."
    )
    # flip the data: fewer, milder entries on poor-sleep days
    flipped = []
    for n in range(14):
        if n % 3 == 0:
            flipped.append(entry(days_ago(n), triggers=["poor sleep"], intensity=1))
        else:
            flipped += [entry(days_ago(n), intensity=5) for _ in range(3)]
    sleep = factor(factor_insights(flipped, [], [], TODAY, UTC), "poor sleep")
    assert "you logged fewer entries" in sleep.sentence and "felt milder" in sleep.sentence


def test_similar_days_are_called_similar():
    log = [entry(days_ago(n), triggers=["exercise"] if n % 2 else []) for n in range(14)]
    exercise = factor(factor_insights(log, [], [], TODAY, UTC), "exercise")
    assert exercise.sentence.startswith("On days you noted exercise you logged about as many entries as on other days (")


def test_check_ins_count_days_with_nothing_logged():
    # entries only on high-caffeine days; check-ins say the other days had none
    check_ins = [DayCheckIn(days_ago(n), caffeine_drinks=3 if n < 4 else 0) for n in range(14)]
    log = [entry(days_ago(n)) for n in range(4)]
    caffeine = factor(factor_insights(log, check_ins, [], TODAY, UTC), "caffeine")
    assert (caffeine.days_with, caffeine.days_without) == (4, 10)
    assert (caffeine.per_day_with, caffeine.per_day_without) == (1, 0)
    assert caffeine.intensity_without is None  # no division by zero: no entries on those days
    assert "more entries" in caffeine.sentence and "felt" not in caffeine.sentence


def test_relaxation_sessions_are_a_factor_over_every_day():
    sessions = [
        SessionRecord(dt.datetime.combine(days_ago(n), dt.time(20), tzinfo=UTC), "Box breathing", 300) for n in (1, 4, 7, 10)
    ]
    log = [entry(days_ago(n)) for n in range(14) for _ in range(1 if n in (1, 4, 7, 10) else 2)]
    relaxed = factor(factor_insights(log, [], sessions, TODAY, UTC), RELAXATION)
    assert (relaxed.days_with, relaxed.days_without) == (4, 10)
    assert relaxed.sentence.startswith("On days you had a relaxation session you logged fewer entries than on other days")


def test_an_empty_log_has_nothing_to_compare_and_does_not_fail():
    insights = factor_insights([], [], [], TODAY, UTC)
    assert insights.factors == () and insights.missing == "Insights appear after 14 days of logging."
    only_with = [entry(days_ago(n), triggers=["stress"]) for n in range(20)]
    stress = factor(factor_insights(only_with, [], [], TODAY, UTC), "stress")
    assert stress.days_without == 0 and stress.missing == "Needs 3 more days without stress."


@pytest.mark.parametrize(("entries", "last_shown", "due"), [(10, None, False), (11, None, True), (25, TODAY, False), (11, days_ago(1), True)])
def test_the_gentle_note_comes_after_more_than_ten_entries_once_a_day(entries, last_shown, due):
    assert gentle_note_due(entries, last_shown, TODAY) is due


# ---- exact limits (make mutation) ----
from pwa.core.insights import SIMILAR_RATIO, Bar, _compare_halves, _similar, bars  # noqa: E402


@pytest.mark.parametrize("length, step, count", [(31, 1, 31), (32, 7, 5), (2, 1, 2), (84, 7, 12)])
def test_daily_bars_up_to_31_days_and_weekly_bars_beyond(length, step, count):
    first = dt.date(2026, 10, 1)
    last = first + dt.timedelta(days=length - 1)
    stats = days_by_date([entry(first), entry(last, intensity=6), entry(last, intensity=4)], UTC)
    found = bars(stats, first, last)
    assert len(found) == count and sum(b.count for b in found) == 3
    assert found[0].start == first and found[0].days == min(step, length)
    assert found[-1].days == length - step * (count - 1)  # the last week may be shorter
    assert found[-1].count == 2 and found[-1].mean_intensity == 5.0
    assert found[0].count == 1 and found[0].mean_intensity == 3.0
    assert found[0].label == ("Thu 1" if step == 1 else "1 Oct")


def test_bars_keep_each_day():
    stats = days_by_date([entry(dt.date(2026, 10, 2))], UTC)
    (day_one, day_two) = bars(stats, dt.date(2026, 10, 1), dt.date(2026, 10, 2))
    assert day_one == Bar("Thu 1", dt.date(2026, 10, 1), 1, 0, None)
    assert day_two.count == 1 and day_two.start == dt.date(2026, 10, 2)
    assert stats[dt.date(2026, 10, 2)].day == dt.date(2026, 10, 2)


@pytest.mark.parametrize(
    "a, b, similar",
    [
        (0, 0, True), (4, 5, True), (4, 5.01, False), (5, 4, True),  # within 25 %
        (0, 0.4, True), (0, 0.5, False),  # tiny counts: less than half an entry apart
        (1, 1.49, True), (1, 1.5, False), (0.2, 0.6, True),
    ],
)  # fmt: skip
def test_about_the_same_means_within_25_percent_or_half_an_entry(a, b, similar):
    assert SIMILAR_RATIO == 1.25
    assert _similar(a, b) is similar


@pytest.mark.parametrize(
    "earlier, later, text",
    [
        (10, 10, "The first and second half were about the same."),
        (10, 5, "The second half had fewer entries than the first."),
        (5, 10, "The second half had more entries than the first. Ups and downs like this are common."),
    ],
)
def test_halves_are_compared_in_plain_words(earlier, later, text):
    assert _compare_halves(earlier, later) == text


def test_an_entry_with_two_places_counts_once_for_each_and_ties_are_alphabetical():
    two = validate_episode(
        {"started_at": dt.datetime(2026, 11, 1, tzinfo=UTC), "locations": [{"region": "neck"}, {"region": "calf", "side": "left"}]},
        None,
    )
    found = places([two, entry(TODAY, where=("calf", "left")), entry(TODAY, where=("back", None)), entry(TODAY, where=("back", None))])
    assert found == [("back", 2), ("left calf", 2), ("neck", 1)]


def test_a_trend_knows_its_weeks_and_an_empty_log_has_spanned_no_days():
    assert trend({}, TODAY, 4).weeks == 4
    empty = factor_insights([], [], [], TODAY, UTC)
    assert empty.span_days == 0 and empty.factors == ()


def test_exactly_fourteen_days_and_three_days_each_side_are_enough_and_one_day_short_says_day():
    log = [entry(days_ago(n), triggers=["stress"] if n in (0, 5, 10) else []) for n in range(14)]
    insights = factor_insights(log, [], [], TODAY, UTC)
    assert insights.span_days == 14 and insights.missing == ""
    stress = factor(insights, "stress")
    assert stress.days_with == 3 and stress.shown and stress.missing == ""
    short = factor(factor_insights(log[:13], [], [], TODAY, UTC), "stress")
    assert short.missing == "Needs 1 more day of logging."
    both = factor(factor_insights([entry(days_ago(n), triggers=["stress"] if n == 0 else []) for n in range(12)], [], [], TODAY, UTC), "stress")
    assert both.missing == "Needs 2 more days of logging and 2 more days with stress."


def test_an_intensity_difference_of_exactly_three_quarters_of_a_point_is_mentioned():
    stronger = {0: 3, 1: 4, 2: 4, 3: 4}  # 3.75 on average, against 3 on the other days
    log = [entry(days_ago(n), triggers=["caffeine"] if n in stronger else [], intensity=stronger.get(n, 3)) for n in range(14)]
    caffeine = factor(factor_insights(log, [], [], TODAY, UTC), "caffeine")
    assert caffeine.intensity_with - caffeine.intensity_without == 0.75
    assert "they felt stronger on average" in caffeine.sentence


def test_a_period_is_named_the_same_way_everywhere():
    from pwa.core.insights import period_name

    assert period_name(days_ago(6), TODAY, TODAY) == "the last week"
    assert period_name(days_ago(27), TODAY, TODAY) == "the last 4 weeks"
    assert period_name(days_ago(13), TODAY, TODAY) == "the last 2 weeks"
    assert period_name(days_ago(7), TODAY, TODAY) == "the 8 days from 16 November 2026 to 23 November 2026"
    assert period_name(days_ago(7), days_ago(1), TODAY) == "the 7 days from 16 November 2026 to 22 November 2026"  # not up to today
    assert period_name(TODAY, TODAY, TODAY) == "23 November 2026"


def test_a_period_view_counts_only_its_own_days_in_every_part():
    from pwa.core.insights import period_view

    log = [entry(days_ago(n), triggers=["stress"] if n < 7 else []) for n in range(40)]
    log.append(entry(days_ago(3), where=("jaw", None)))
    check_ins = [DayCheckIn(days_ago(n), stress=8) for n in (2, 30)]
    sessions = [SessionRecord(dt.datetime.combine(days_ago(n), dt.time(20), tzinfo=UTC), "Box breathing", 60) for n in (1, 35)]
    view = period_view(log, check_ins, sessions, days_ago(13), TODAY, TODAY, UTC)
    assert len(view.episodes) == 15 and view.episodes[0].started_at < view.episodes[-1].started_at
    assert view.places == (("left calf", 14), ("jaw", 1))
    assert [c.day for c in view.check_ins] == [days_ago(2)] and len(view.sessions) == 1
    assert view.insights.span_days == 14 and len(view.bars) == 14
    assert view.summary.startswith("In the last 2 weeks you logged entries on 14 of 14 days.")
    edge = period_view(log, [], [], days_ago(39), days_ago(39), TODAY, UTC)
    assert len(edge.episodes) == 1 and edge.name == "15 October 2026"


def test_a_period_view_counts_days_in_the_zone_it_is_given():
    from pwa.core.insights import period_view

    east = dt.timezone(dt.timedelta(hours=5))
    late = make_episode(dt.datetime(2026, 11, 22, 20, 0, tzinfo=UTC), id="late")  # 23 November, 01:00 at +05:00
    view = period_view([late], [], [], TODAY, TODAY, TODAY, east)
    assert [e.id for e in view.episodes] == ["late"] and view.local_starts[0].tzinfo == east
    assert (view.start, view.end) == (TODAY, TODAY) and view.stats[TODAY].count == 1
    assert view.bars[0].count == 1 and view.places == (("left calf", 1),)
    assert period_view([late], [], [], TODAY, TODAY, TODAY, UTC).episodes == ()


def test_factor_insights_count_days_in_the_zone_given_when_no_dates_are_passed():
    east = dt.timezone(dt.timedelta(hours=5))
    first = make_episode(dt.datetime(2026, 11, 9, 20, 0, tzinfo=UTC), id="first")  # 10 November, 01:00 at +05:00
    assert factor_insights([first], [], [], TODAY, east).span_days == 14
    assert factor_insights([first], [], [], TODAY, UTC).span_days == 15
