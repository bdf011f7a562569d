"""The doctor report: every question answered from a known log, or plainly marked as not logged."""

import datetime as dt
import html
import re
from html.parser import HTMLParser

from pwa.core.episodes import DayCheckIn
from pwa.core.relaxation_log import SessionRecord
from pwa.core.report import NOT_ASKED, NOT_IN_THE_LOG, NOT_LOGGED, build_report, report_html
from tests.factories import make_episode

UTC = dt.timezone.utc
START, END = dt.date(2026, 11, 1), dt.date(2026, 11, 21)
MADE = dt.datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def entry(day, hour=9, **fields):
    started_at = dt.datetime(2026, 11, day, hour, tzinfo=UTC) if isinstance(day, int) else day
    return make_episode(started_at, **fields)


KNOWN_LOG = [
    entry(dt.datetime(2026, 9, 14, 8, tzinfo=UTC)),  # before the period: the first entry ever
    entry(2, duration_seconds=60, triggers=["poor sleep"]),
    entry(2, hour=22, locations=[{"region": "thigh", "side": "right"}], type="cramp", duration_seconds=180),
    entry(5, locations=[{"region": "eyelid", "side": "left"}, {"region": "calf", "side": "left"}], triggers=["caffeine", "new medicine"],
          note="Started a magnesium supplement"),
    entry(9, type="tingling", note="Felt a bit numb in the foot <after> running & \"stretching\""),
    entry(12, intensity=6, triggers=["stress"]),
    entry(dt.datetime(2026, 11, 22, 10, tzinfo=UTC)),  # after the period
]
CHECK_INS = [DayCheckIn(dt.date(2026, 11, 2), sleep_hours=5.5, caffeine_drinks=2, stress=6), DayCheckIn(dt.date(2026, 11, 3), sleep_hours=7.5)]
SESSIONS = [
    SessionRecord(dt.datetime(2026, 11, 2, 21, tzinfo=UTC), "Box breathing", 300),
    SessionRecord(dt.datetime(2026, 11, 10, 21, tzinfo=UTC), "Muscle relaxation, 7 groups", 900),
]


def answers(report):
    return {a.question: a for a in report.answers}


def test_a_known_log_answers_every_question_it_can():
    report = build_report(KNOWN_LOG, CHECK_INS, SESSIONS, START, END, MADE, UTC)
    found = answers(report)
    assert found["When did you first notice the twitching?"].answer.startswith("The first entry in this log is from 14 September 2026.")
    often = found["How often does it happen?"].answer
    assert often.startswith("5 entries in all. In the 21 days from 1 November 2026 to 21 November 2026 you logged entries on 4 of 21 days.")
    assert often.endswith("Typical length (median of 2 timed entries): 2 minutes.")
    muscles = found["Is it in specific muscles, or in many places?"].answer
    assert muscles == (
        "Logged in 3 places across 3 body parts: left calf (4), left eyelid (1), right thigh (1). Both sides of the body."
    )
    other = found["Does it come with other symptoms, such as weakness, numbness or pain?"].answer
    assert other == "1 entry logged as cramp; 1 entry logged as tingling; 1 note mentions numb (see the table)."
    medicines = found["Are you taking any new medicines or supplements?"].answer
    assert medicines.startswith("'new medicine' was noted on 1 entry; 1 note mentions medicines or supplements")
    triggers = found["Does anything seem to go with it (sleep, caffeine, stress, exercise...)?"].answer
    assert triggers.startswith("Noted on entries: poor sleep (1), caffeine (1), new medicine (1), stress (1).")
    lifestyle = found["Sleep, caffeine, stress and exercise"].answer
    assert lifestyle == "Day check-ins on 2 days: average sleep 6.5 h (on 2 days); caffeine drinks a day 2.0 (on 1 day); stress 6.0 of 10 (on 1 day)."
    helps = found["What helps?"].answer
    assert helps.startswith("2 relaxation sessions, about 20 minutes in all: Box breathing (1), Muscle relaxation, 7 groups (1).")
    not_asked = found[NOT_ASKED]
    assert not not_asked.logged and not_asked.answer.startswith(NOT_LOGGED)
    assert all(topic in not_asked.answer for topic in NOT_IN_THE_LOG)
    assert [e.started_at.day for e in report.episodes] == [2, 2, 5, 9, 12]
    assert sum(b.count for b in report.bars) == 5 and len(report.bars) == 21
    assert report.file_name == "bfs-companion-report-2026-11-01-to-2026-11-21.html"


def test_an_empty_period_marks_every_answer_not_logged():
    report = build_report([], [], [], START, END, MADE, UTC)
    assert all(not a.logged and a.answer.startswith(NOT_LOGGED) for a in report.answers)
    page = report_html(report)
    assert page.count(f"<p class='not-logged'>{NOT_LOGGED}.</p>") == 4  # chart, places, entries, check-ins


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.attrs = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [v for _, v in attrs if v]

    def handle_data(self, data):
        self.text.append(data)


def test_the_html_is_self_contained_escaped_and_has_the_chart_and_table():
    report = build_report(KNOWN_LOG, CHECK_INS, SESSIONS, START, END, MADE, UTC)
    page = report_html(report)
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert not [a for a in parser.attrs if re.match(r"https?://", a) and "w3.org/2000/svg" not in a]  # nothing to fetch
    assert parser.tags.count("rect") == 21 and parser.tags.count("tr") == 1 + 5 + 2 * (1 + 1)  # entries; check-ins in two halves
    assert parser.tags.count("li") == 3  # places
    text = "".join(parser.text)
    assert 'Felt a bit numb in the foot <after> running & "stretching"' in text  # shown as typed...
    assert "<after>" not in page and html.escape("<after>") in page  # ...and escaped in the markup
    for answer in report.answers:
        assert answer.question in text and answer.answer in text
    assert "it is not a diagnosis" in text and "1 November 2026 to 21 November 2026" in text
    assert "@media print" in page


# ---- exact limits (make mutation) ----
PLACE_NAMES = ["neck", "back", "belly", "chest", "jaw", "face", "tongue", "other", "calf"]


def _places_log(count: int, side: str | None = None):
    log = []
    for n, region in enumerate(PLACE_NAMES[:count]):
        location = {"region": region}
        if region == "other":
            location["other_text"] = "big toe"
        if region == "calf":
            location["side"] = side or "left"
        log.append(entry(2 + n, locations=[location]))
    return log


def test_eight_places_are_all_listed_and_a_ninth_is_counted_as_more():
    eight = answers(build_report(_places_log(8), [], [], START, END, MADE, UTC))["Is it in specific muscles, or in many places?"]
    assert eight.answer.endswith("tongue (1).") and "more" not in eight.answer
    nine = answers(build_report(_places_log(9), [], [], START, END, MADE, UTC))["Is it in specific muscles, or in many places?"]
    assert nine.answer.endswith(", and 1 more. Only the left side.")


def test_one_side_only_is_named():
    log = [entry(2), entry(3)]  # both the left calf
    found = answers(build_report(log, [], [], START, END, MADE, UTC))["Is it in specific muscles, or in many places?"]
    assert found.answer == "Logged in 1 place across 1 body part: left calf (2). Only the left side."


def test_not_logged_answers_are_marked_false_not_just_falsy():
    report = build_report([], [], [], START, END, MADE, UTC)
    assert [a.logged for a in report.answers] == [False] * len(report.answers)


def test_an_hour_of_relaxation_is_about_60_minutes():
    sessions = [SessionRecord(dt.datetime(2026, 11, 2, 21, tzinfo=UTC), "Box breathing", 3600)]
    helps = answers(build_report([], [], sessions, START, END, MADE, UTC))["What helps?"].answer
    assert helps.startswith("1 relaxation session, about 60 minutes in all")


def _sentences(page: str) -> list[str]:
    parser = _Collector()
    parser.feed(page.split("<style>")[0] + page.split("</style>")[1])
    text = " ".join(parser.text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip().split()) >= 4]


def test_the_report_says_each_sentence_once():
    report = build_report(KNOWN_LOG, CHECK_INS, SESSIONS, START, END, MADE, UTC)
    sentences = _sentences(report_html(report))
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert repeated == set()
    empty = _sentences(report_html(build_report([], [], [], START, END, MADE, UTC)))
    assert {s for s in empty if empty.count(s) > 1} == set()


def test_every_chart_label_lies_inside_the_chart():
    from pwa.core.report import _chart_svg
    from pwa.core.insights import Bar

    import datetime as dt

    for count in (1, 7, 31, 53):
        bars = tuple(Bar(f"Wed {n + 10}", dt.date(2026, 1, 1), 1, n % 5 + (50 if n == 0 else 0), None) for n in range(count))
        svg = _chart_svg(bars, "summary")
        width, height = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
        for x, y, label in re.findall(r'<text x="([\d.-]+)" y="([\d.-]+)" font-size="11" text-anchor="middle">([^<]*)</text>', svg):
            half = len(label) * 11 * 0.3  # about half a label's width at 11 px
            assert half <= float(x) <= width - half, (count, label, x)
            assert 11 <= float(y) <= height, (count, label, y)


def test_a_report_up_to_the_day_it_is_made_names_its_period_from_that_day_in_its_zone():
    plus_two = dt.timezone(dt.timedelta(hours=2))
    made_late = dt.datetime(2026, 11, 21, 23, 0, tzinfo=UTC)  # already 22 November at +02:00
    up_to_today = build_report(KNOWN_LOG, [], [], dt.date(2026, 10, 26), dt.date(2026, 11, 22), made_late, plus_two)
    assert up_to_today.trend_summary.startswith("In the last 4 weeks you logged")
    in_utc = build_report(KNOWN_LOG, [], [], dt.date(2026, 10, 25), dt.date(2026, 11, 21), made_late, UTC)
    assert in_utc.trend_summary.startswith("In the last 4 weeks you logged")
    earlier = build_report(KNOWN_LOG, [], [], dt.date(2026, 10, 25), dt.date(2026, 11, 21), made_late, plus_two)
    assert earlier.trend_summary.startswith("In the 28 days from 25 October 2026 to 21 November 2026 you logged")


def test_the_chart_scales_to_its_busiest_bar_and_labels_every_bar_up_to_a_dozen():
    from pwa.core.insights import Bar
    from pwa.core.report import _chart_svg

    def chart(counts):
        bars = tuple(Bar(f"d{n}", dt.date(2026, 1, 1), 1, count, None) for n, count in enumerate(counts))
        svg = _chart_svg(bars, "s")
        heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
        labels = re.findall(r'text-anchor="middle">(d\d+)</text>', svg)
        return heights, labels

    heights, labels = chart([1, 0, 1])
    assert heights == [164.0, 0.0, 164.0] and labels == ["d0", "d1", "d2"]  # a busiest day of 1 fills the chart
    heights, _ = chart([0, 0])
    assert heights == [0.0, 0.0]
    heights, _ = chart([4, 2])
    assert heights == [164.0, 82.0]
    assert len(chart([1] * 12)[1]) == 12 and len(chart([1] * 23)[1]) == 23
    assert len(chart([1] * 24)[1]) == 12  # every second one from 24 bars
    assert len(chart([1] * 31)[1]) == 16 and len(chart([1] * 36)[1]) == 12
