"""The report to take to a doctor: the questions doctors ask about twitching, answered from the log.

`build_report` picks a period and answers each question, or says plainly that it is not in the
log. `report_html` turns it into one self-contained, printable HTML page (no scripts, no links to
fetch, an SVG chart). Nothing here sends anything anywhere.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from pwa.core.episodes import NOT_NOTED, DayCheckIn, Episode, EpisodeType, describe_duration
from pwa.core.insights import NOT_A_CAUSE, RELAXATION, Bar, FactorInsight, Insights, period_view
from pwa.core.relaxation_log import SessionRecord
from pwa.core.wording import plural

NOT_LOGGED = "Not logged"
OTHER_SYMPTOM_WORDS = re.compile(r"\b(weak\w*|numb\w*|pain\w*|ache\w*|aching|clums\w*|stiff\w*|tired\w*|fatigue\w*)", re.I)
MEDICINE_WORDS = re.compile(r"\b(medic\w*|supplement\w*|pill\w*|tablet\w*|magnesium|vitamin\w*|antihistamine\w*|inhaler\w*)", re.I)
NOT_IN_THE_LOG = (
    "contact with toxins or chemicals",
    "recent travel to a place where some infections are common",
    "nerve or muscle conditions in the family",
    "other medical conditions, for example of the thyroid",
)
NOT_ASKED = "What else may a doctor ask?"


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    logged: bool = True


@dataclass(frozen=True)
class Report:
    start: dt.date
    end: dt.date
    generated_at: dt.datetime
    answers: tuple[Answer, ...]
    bars: tuple[Bar, ...]
    trend_summary: str
    places: tuple[tuple[str, int], ...]
    episodes: tuple[Episode, ...]  # in the period, oldest first
    check_ins: tuple[DayCheckIn, ...]
    local_starts: tuple[dt.datetime, ...] = ()  # each episode's start in the report's zone

    @property
    def file_name(self) -> str:
        return f"bfs-companion-report-{self.start.isoformat()}-to-{self.end.isoformat()}.html"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _mention(count: int) -> str:
    return "mentions" if count == 1 else "mention"


def _entries(count: int, what: str = "entry") -> str:
    return f"{count} {what[:-1] + ('y' if count == 1 else 'ies')}"


def build_report(
    all_episodes: list[Episode],
    check_ins: list[DayCheckIn],
    sessions: list[SessionRecord],
    start: dt.date,
    end: dt.date,
    generated_at: dt.datetime,
    zone: dt.tzinfo | None = None,
) -> Report:
    # Local times once: converting 10,000 of them is the slow part, so nothing else does it again.
    all_local = [e.started_at.astimezone(zone) for e in all_episodes]
    all_days = [moment.date() for moment in all_local]
    view = period_view(all_episodes, check_ins, sessions, start, end, generated_at.astimezone(zone).date(), zone, all_local)
    in_period, summary, where, insights = list(view.episodes), view.summary, view.places, view.insights
    period_check_ins, period_sessions = view.check_ins, list(view.sessions)
    answers = [
        _first_noticed(all_days),
        _how_often(in_period, summary),
        _which_muscles(in_period, where),
        _other_symptoms(in_period),
        _medicines(in_period),
        _triggers(in_period, insights),
        _lifestyle(period_check_ins),
        _what_helps(period_sessions, insights),
        Answer(
            NOT_ASKED,
            f"{NOT_LOGGED}: the app does not ask about {'; '.join(NOT_IN_THE_LOG)}. Worth noting down before the visit.",
            False,
        ),
    ]
    return Report(
        start, end, generated_at, tuple(answers), view.bars, summary, where, view.episodes, period_check_ins, view.local_starts
    )


def _first_noticed(days: list[dt.date]) -> Answer:
    question = "When did you first notice the twitching?"
    if not days:
        return Answer(question, f"{NOT_LOGGED}: the log has no entries yet.", False)
    first = min(days)
    return Answer(
        question,
        f"The first entry in this log is from {_day(first)}. The twitching may have started before the log did.",
    )


def _how_often(episodes: list[Episode], summary: str) -> Answer:
    question = "How often does it happen?"
    if not episodes:
        return Answer(question, f"{NOT_LOGGED}: nothing was logged in this period.", False)
    timed = [e.duration_seconds for e in episodes if e.duration_seconds is not None]
    text = f"{_entries(len(episodes))} in all. {summary}"
    if timed:
        text += f" Typical length (median of {_entries(len(timed), 'timed entry')}): {describe_duration(int(statistics.median(timed)))}."
    return Answer(question, text)


def _which_muscles(episodes: list[Episode], where: tuple[tuple[str, int], ...]) -> Answer:
    question = "Is it in specific muscles, or in many places?"
    if not episodes:
        return Answer(question, f"{NOT_LOGGED}.", False)
    every = {loc for e in episodes for loc in e.locations}
    regions = {loc.region for loc in every}
    sides = {loc.side for loc in every if loc.side}
    listed = ", ".join(f"{label} ({count})" for label, count in where[:8])
    text = f"Logged in {plural(len(where), 'place')} across {plural(len(regions), 'body part')}: {listed}"
    text += "." if len(where) <= 8 else f", and {len(where) - 8} more."
    if sides == {"left", "right"}:
        text += " Both sides of the body."
    elif sides:
        text += f" Only the {next(iter(sides))} side."
    return Answer(question, text)


def _other_symptoms(episodes: list[Episode]) -> Answer:
    question = "Does it come with other symptoms, such as weakness, numbness or pain?"
    types = Counter(e.type for e in episodes)
    parts = [
        f"{_entries(types[t])} logged as {t.value}"
        for t in (EpisodeType.CRAMP, EpisodeType.TINGLING, EpisodeType.OTHER)
        if types[t]
    ]
    mentions = [e for e in episodes if e.note and OTHER_SYMPTOM_WORDS.search(e.note)]
    if mentions:
        words = sorted({m.group(0).lower() for e in mentions for m in OTHER_SYMPTOM_WORDS.finditer(e.note)})
        parts.append(f"{plural(len(mentions), 'note')} {_mention(len(mentions))} {', '.join(words)} (see the table)")
    if not parts:
        return Answer(question, f"{NOT_LOGGED}: no entries are cramps or tingling, and no notes mention weakness, numbness or pain.", False)
    return Answer(question, "; ".join(parts) + ".")


def _medicines(episodes: list[Episode]) -> Answer:
    question = "Are you taking any new medicines or supplements?"
    flagged = [e for e in episodes if "new medicine" in e.triggers]
    mentions = [e for e in episodes if e.note and MEDICINE_WORDS.search(e.note)]
    parts = []
    if flagged:
        parts.append(f"'new medicine' was noted on {_entries(len(flagged))}")
    if mentions:
        parts.append(f"{plural(len(mentions), 'note')} {_mention(len(mentions))} medicines or supplements (see the table)")
    if not parts:
        return Answer(question, f"{NOT_LOGGED} in this period. Bring a list of what you take.", False)
    return Answer(question, "; ".join(parts) + ". Bring a list of what you take.")


def _shown(factors: tuple[FactorInsight, ...], relaxation: bool) -> list[FactorInsight]:
    return [f for f in factors if f.shown and (f.factor == RELAXATION) == relaxation]


def _triggers(episodes: list[Episode], insights: Insights) -> Answer:
    question = "Does anything seem to go with it (sleep, caffeine, stress, exercise...)?"
    noted = Counter(t for e in episodes for t in e.triggers)
    if not noted:
        return Answer(question, f"{NOT_LOGGED}: no triggers were noted on entries in this period.", False)
    text = "Noted on entries: " + ", ".join(f"{t} ({n})" for t, n in noted.most_common()) + "."
    for factor in _shown(insights.factors, relaxation=False):
        text += " " + factor.sentence
    return Answer(question, text)


def _lifestyle(check_ins: tuple[DayCheckIn, ...]) -> Answer:
    question = "Sleep, caffeine, stress and exercise"
    if not check_ins:
        return Answer(question, f"{NOT_LOGGED}: no day check-ins in this period.", False)

    def mean(values, unit: str, digits: int = 1) -> str | None:
        found = [v for v in values if v is not None]
        return f"{statistics.fmean(found):.{digits}f}{unit} (on {plural(len(found), 'day')})" if found else None

    parts = [
        ("average sleep", mean((c.sleep_hours for c in check_ins), " h")),
        ("caffeine drinks a day", mean((c.caffeine_drinks for c in check_ins), "")),
        ("stress", mean((c.stress for c in check_ins), " of 10")),
        ("exercise", mean((c.exercise_minutes for c in check_ins), " min", 0)),
    ]
    text = f"Day check-ins on {plural(len(check_ins), 'day')}: " + "; ".join(f"{name} {value}" for name, value in parts if value) + "."
    return Answer(question, text)


def _what_helps(period_sessions: list[SessionRecord], insights: Insights) -> Answer:
    question = "What helps?"
    if not period_sessions:
        return Answer(question, f"{NOT_LOGGED}: no relaxation sessions in this period.", False)
    minutes = round(sum(s.seconds for s in period_sessions) / 60)
    kinds = Counter(s.exercise for s in period_sessions)
    text = (
        f"{plural(len(period_sessions), 'relaxation session')}, about {minutes} minutes in all: "
        + ", ".join(f"{k} ({n})" for k, n in kinds.most_common())
        + "."
    )
    for factor in _shown(insights.factors, relaxation=True):
        text += " " + factor.sentence
    return Answer(question, text)


# ---- HTML -------------------------------------------------------------------------------------
STYLE = """
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1f;margin:2rem auto;max-width:52rem;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.muted{color:#555}dt{font-weight:600;margin-top:.8rem}dd{margin:0 0 0 1rem}
.not-logged{color:#555;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f0f0f4}svg{max-width:100%;height:auto}
ul.compact{list-style:none;padding:0;margin:.4rem 0;columns:2 16rem;column-gap:2rem}ul.compact li{break-inside:avoid}
.halves{display:grid;grid-template-columns:1fr 1fr;gap:0 1.5rem;align-items:start}
@page{size:A4;margin:10mm 11mm}
@media print{
body{font-size:8.5pt;line-height:1.25;margin:0;max-width:none;padding:0}
h1{font-size:13pt;margin:0}h2{font-size:10.5pt;margin:7pt 0 3pt;break-after:avoid}
p{margin:3pt 0}dl{columns:2;column-gap:14pt;margin:0}dt{margin-top:4pt;break-after:avoid}dd{margin:0;break-inside:avoid}
table{font-size:7.5pt}th,td{padding:1px 3px}tr{break-inside:avoid}
svg{max-height:34mm;width:100%}ul.compact{columns:3;font-size:8pt;margin:2pt 0}
}
"""


def _chart_svg(found: tuple[Bar, ...], summary: str) -> str:
    width, height, top, bottom, side = 720, 220, 16, 40, 24  # `side`: room for the first and last labels
    slot = (width - 2 * side) / max(len(found), 1)
    peak = max([1, *(b.count for b in found)])
    parts = [
        f'<svg role="img" aria-label="{html.escape(summary)}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="0" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#888"/>',
    ]
    label_every = max(1, len(found) // 12)
    for i, bar in enumerate(found):
        bar_height = (height - top - bottom) * bar.count / peak
        x = side + i * slot + slot * 0.15
        y = height - bottom - bar_height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{bar_height:.1f}" fill="#5b6ea8">'
            f"<title>{html.escape(bar.label)}: {bar.count}</title></rect>"
        )
        if bar.count:
            parts.append(f'<text x="{x + slot * 0.35:.1f}" y="{y - 3:.1f}" font-size="11" text-anchor="middle">{bar.count}</text>')
        if i % label_every == 0:
            parts.append(
                f'<text x="{x + slot * 0.35:.1f}" y="{height - bottom + 16}" font-size="11" text-anchor="middle">{html.escape(bar.label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _check_in_tables(check_ins: tuple[DayCheckIn, ...]) -> str:
    """The day check-ins as two half-width tables side by side (one line per day), or "" for none."""
    if not check_ins:
        return ""

    def cell(value) -> str:
        return "" if value is None else f"{value:g}"

    head = "<thead><tr><th>Day</th><th>Sleep (h)</th><th>Caffeine</th><th>Stress (0-10)</th><th>Exercise (min)</th></tr></thead>"
    half = (len(check_ins) + 1) // 2
    tables = []
    for part in (check_ins[:half], check_ins[half:]):
        if part:
            rows = "".join(
                f"<tr><td>{c.day.day} {c.day:%b}</td>"
                + "".join(f"<td>{cell(v)}</td>" for v in (c.sleep_hours, c.caffeine_drinks, c.stress, c.exercise_minutes))
                + "</tr>"
                for c in part
            )
            tables.append(f"<table>{head}<tbody>{rows}</tbody></table>")
    return '<div class="halves">' + "".join(tables) + "</div>"


def report_html(report: Report) -> str:
    e = functools.cache(html.escape)  # places, kinds, triggers and notes repeat across thousands of rows
    rows = []
    for episode, local in zip(report.episodes, report.local_starts):
        where = e(", ".join(loc.label for loc in episode.locations))
        rows.append(
            f"<tr><td>{local.date().isoformat()}</td><td>{local.hour:02d}:{local.minute:02d}</td><td>{where}</td>"
            f"<td>{episode.type.value}</td><td>{NOT_NOTED if episode.intensity is None else episode.intensity}</td><td>{describe_duration(episode.duration_seconds)}</td>"
            f"<td>{e(', '.join(episode.triggers))}</td><td>{e(episode.note)}</td></tr>"
        )
    not_logged = ' class="not-logged"'
    answers = "".join(
        f"<dt>{e(a.question)}</dt><dd{'' if a.logged else not_logged}>{e(a.answer)}</dd>" for a in report.answers
    )
    where = "".join(f"<li>{e(label)}: {count}</li>" for label, count in report.places)
    check_ins = _check_in_tables(report.check_ins)
    period = f"{_day(report.start)} to {_day(report.end)}"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Muscle twitching log: {e(period)}</title><style>{STYLE}</style></head>
<body>
<h1>Muscle twitching log</h1>
<p class="muted">{e(period)}. Made on {e(f"{report.generated_at:%Y-%m-%d %H:%M}")} with BFS Companion, from the patient's own log.
It records what was noticed; it is not a diagnosis. Where it says what goes with busier or calmer days: {e(NOT_A_CAUSE[0].lower() + NOT_A_CAUSE[1:])}</p>
<h2>Questions a doctor may ask</h2>
<dl>{answers}</dl>
<h2>Entries over time</h2>
{_chart_svg(report.bars, report.trend_summary) if report.episodes else f"<p class='not-logged'>{NOT_LOGGED}.</p>"}
<h2>Where on the body (entries)</h2>
{'<ul class="compact">' + where + "</ul>" if where else f"<p class='not-logged'>{NOT_LOGGED}.</p>"}
<h2>All entries in this period</h2>
{"<table><thead><tr><th>Date</th><th>Time</th><th>Where</th><th>Kind</th><th>Intensity (0-10)</th><th>Length</th><th>Noted before</th><th>Note</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>" if rows else f"<p class='not-logged'>{NOT_LOGGED}.</p>"}
<h2>Day check-ins</h2>
{check_ins or f"<p class='not-logged'>{NOT_LOGGED}.</p>"}
</body></html>
"""
