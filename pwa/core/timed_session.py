"""A clock-driven timeline of steps: the engine under breathing and muscle relaxation sessions.

Every reading is computed from the injected clock and the moment the session started, so the
position never drifts however late a screen tick arrives. `poll()` reports each step change once,
in order: a tick that arrives after several steps have passed reports all of them. The engine
never sleeps and never schedules anything; the screen asks it where it is.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

Clock = Callable[[], float]  # monotonic seconds, e.g. time.monotonic
T = TypeVar("T")


@dataclass(frozen=True)
class Step(Generic[T]):
    """One timed step; `what` says what it is (a breathing phase, a muscle group to tense...)."""

    what: T
    seconds: float


@dataclass(frozen=True)
class StepStarted(Generic[T]):
    step: Step[T]
    index: int  # position within the cycle
    cycle: int  # 1-based
    position: int  # position in the whole session, counting from 0


@dataclass(frozen=True)
class SessionFinished:
    elapsed: float  # how far into the session it ended (a skipped step counts whole)
    completed: bool  # False when the user stopped early
    spent: float = 0.0  # time actually spent in it: pauses and skipped parts of steps left out


@dataclass(frozen=True)
class SessionState(Generic[T]):
    step: Step[T]
    index: int
    cycle: int
    cycles: int | None  # None: the session runs until the person stops it
    progress: float  # 0..1 within the current step
    step_seconds_left: float
    elapsed: float
    total: float
    running: bool
    finished: bool

    @property
    def paused(self) -> bool:
        return not self.running and not self.finished and self.elapsed > 0

    @property
    def open_ended(self) -> bool:
        return self.cycles is None

    @property
    def seconds_left(self) -> float:
        return max(self.total - self.elapsed, 0.0)

    @property
    def session_progress(self) -> float | None:
        """0..1 through the session; None when it runs until stopped (there is no end to measure)."""
        if self.open_ended:
            return None
        return min(self.elapsed / self.total, 1.0) if self.total else 1.0


def whole_cycles(steps: tuple[Step[T], ...], seconds: float) -> int:
    """As many whole cycles of `steps` as fit `seconds` best, and at least one: sessions end on a full cycle."""
    cycle = sum(s.seconds for s in steps if s.seconds > 0)
    return max(1, round(seconds / cycle)) if cycle else 1


class TimedSession(Generic[T]):
    """Runs `steps` for `cycles` rounds (None: until stopped). Zero-length steps are left out."""

    def __init__(self, steps: tuple[Step[T], ...], cycles: int | None, clock: Clock) -> None:
        self.steps = tuple(s for s in steps if s.seconds > 0)
        if not self.steps:
            raise ValueError("a session needs at least one step longer than zero seconds")
        if cycles is not None and cycles < 1:
            raise ValueError("a session needs at least one cycle")
        self._clock = clock
        self.cycle_seconds = sum(s.seconds for s in self.steps)
        self._set_cycles(cycles)
        self._starts = [0.0]
        for step in self.steps[:-1]:
            self._starts.append(self._starts[-1] + step.seconds)
        self._started_at: float | None = None
        self._paused_at: float | None = None
        self._offset = 0.0  # seconds added to wall time by pauses (negative) and seeks
        self._reported = -1  # session position of the last step reported by poll()
        self._finish_reported = False
        self._stopped_at: float | None = None
        self._spent = 0.0  # running time of the runs that have ended (a run: start/resume to pause/stop)
        self._run_from: float | None = None  # clock reading when the current run began

    def _set_cycles(self, cycles: int | None) -> None:
        self.cycles = cycles
        self.total = self.cycle_seconds * cycles if cycles is not None else math.inf

    @classmethod
    def for_duration(cls, steps: tuple[Step[T], ...], seconds: float, clock: Clock) -> TimedSession[T]:
        """A session of as many whole cycles as fit the duration (see `whole_cycles`)."""
        return cls(steps, whole_cycles(steps, seconds), clock)

    # ---- control -----------------------------------------------------------------------
    @property
    def started(self) -> bool:
        return self._started_at is not None

    @property
    def running(self) -> bool:
        return self.started and self._paused_at is None and not self.finished

    @property
    def finished(self) -> bool:
        return self._stopped_at is not None or (self.started and self.elapsed() >= self.total)

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self._run_from = self._clock()

    def pause(self) -> None:
        if self.running:
            self._spent = self.spent()
            self._paused_at = self._clock()
            self._run_from = None

    def resume(self) -> None:
        if self._paused_at is not None and self._stopped_at is None:
            self._offset -= self._clock() - self._paused_at
            self._paused_at = None
            self._run_from = self._clock()

    def stop(self) -> None:
        if self._stopped_at is None:
            self._spent = self.spent()
            self._run_from = None
            self._stopped_at = self.elapsed() if self.started else 0.0

    def set_cycles(self, cycles: int | None) -> None:
        """Change the length while it runs (None: until stopped); it never ends before the current cycle does."""
        if self._stopped_at is not None or (self.started and self.finished):
            return
        if cycles is not None:
            if cycles < 1:
                raise ValueError("a session needs at least one cycle")
            current = int(self.elapsed() // self.cycle_seconds) + 1 if self.started else 1
            cycles = max(cycles, current)
        self._set_cycles(cycles)

    def spent(self) -> float:
        """Seconds actually spent in the session: running time only, up to its end or its stop.

        Unlike `elapsed()`, pauses never count and skipping ahead adds nothing; going back does
        not take time away.
        """
        spent = self._spent
        if self._run_from is not None:
            natural_end = self._started_at - self._offset + self.total  # when elapsed() reaches total
            spent += max(min(self._clock(), natural_end) - self._run_from, 0.0)
        return spent

    def skip(self) -> None:
        """Jump to the start of the next step; its start is reported by the next poll."""
        position = self._position_at(self.elapsed())
        self._seek(self._start_of(position + 1), report_from=position + 1)

    def back(self) -> None:
        """Back to the start of this step, or to the previous one when this one has only just begun."""
        elapsed = self.elapsed()
        position = self._position_at(elapsed)
        if elapsed - self._start_of(position) < 2.0 and position > 0:
            position -= 1
        self._seek(self._start_of(position), report_from=position)

    def _seek(self, target: float, report_from: int) -> None:
        if not self.started or self._stopped_at is not None:
            return
        target = min(max(target, 0.0), self.total)
        self._offset += target - self.elapsed()
        self._reported = report_from - 1

    # ---- readings ------------------------------------------------------------------------
    def elapsed(self) -> float:
        if self._started_at is None:
            return 0.0
        if self._stopped_at is not None:
            return self._stopped_at
        now = self._paused_at if self._paused_at is not None else self._clock()
        return min(max(now - self._started_at + self._offset, 0.0), self.total)

    def _start_of(self, position: int) -> float:
        cycle, index = divmod(position, len(self.steps))
        return min(cycle * self.cycle_seconds + self._starts[index], self.total)

    def _position_at(self, elapsed: float) -> int:
        last = self.cycles * len(self.steps) - 1 if self.cycles is not None else math.inf
        if elapsed >= self.total:
            return last
        cycle = int(elapsed // self.cycle_seconds)
        within = elapsed - cycle * self.cycle_seconds
        index = 0
        while index + 1 < len(self.steps) and within >= self._starts[index + 1]:
            index += 1
        return min(cycle * len(self.steps) + index, last)

    def state(self) -> SessionState[T]:
        elapsed = self.elapsed()
        position = self._position_at(elapsed)
        cycle, index = divmod(position, len(self.steps))
        step = self.steps[index]
        into = elapsed - self._start_of(position)
        return SessionState(
            step=step,
            index=index,
            cycle=cycle + 1,
            cycles=self.cycles,
            progress=min(max(into / step.seconds, 0.0), 1.0),
            step_seconds_left=max(step.seconds - into, 0.0),
            elapsed=elapsed,
            total=self.total,
            running=self.running,
            finished=self.finished,
        )

    def poll(self) -> list[StepStarted[T] | SessionFinished]:
        """What happened since the last poll: each step start once, in order, then the finish."""
        if not self.started:
            return []
        events: list[StepStarted[T] | SessionFinished] = []
        if self._stopped_at is None:
            position = self._position_at(self.elapsed())
            for passed in range(self._reported + 1, position + 1):
                cycle, index = divmod(passed, len(self.steps))
                events.append(StepStarted(self.steps[index], index, cycle + 1, passed))
            self._reported = max(self._reported, position)
        if self.finished and not self._finish_reported:
            self._finish_reported = True
            events.append(SessionFinished(self.elapsed(), completed=self._stopped_at is None, spent=self.spent()))
        return events

    def seconds_until_next_change(self) -> float:
        """How long a screen may wait before the step changes (for scheduling its next tick)."""
        if not self.running:
            return math.inf
        return self.state().step_seconds_left
