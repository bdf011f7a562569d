"""How closely the breathing screen follows the clock: phase-change lag and the tick loop's CPU cost.

Run with `make bench`. The real app runs in-process (the screen-test harness, which encodes every
update exactly as the server does) on the real monotonic clock, with a resonance-breathing pattern
whose phases are SCALE times shorter, so a 10-minute session's worth of breaths (120 phase changes
at real speed) runs in a minute with SCALE times as many changes per second. For each phase change
it records when the update carrying the new phase word left the app and compares it with when
the change was due. CPU is process time over wall time. Targets: lag under 50 ms at the 99th
percentile; the loop under 2% of one core (an upper bound here, with SCALE times the changes).
"""

from __future__ import annotations

import asyncio
import dataclasses
import statistics
import time

import msgpack

from flet.controls.base_control import BaseControl
from flet.messaging.protocol import configure_encode_object_for_msgpack
from pwa.adapters.cues import RecordingCues
from pwa.adapters.storage import MemoryDataStore
from pwa.app import build_dependencies, main
from pwa import routes
from pwa.core.breathing import find_pattern, make_pattern
from tests.flet_harness import mounted

SCALE = 10.0
MINUTES = 10
PATTERN = "resonance"


class RecordingClock:
    """time.monotonic, remembering its first reading: the moment the session started."""

    def __init__(self) -> None:
        self.first_read: float | None = None

    def __call__(self) -> float:
        now = time.monotonic()
        if self.first_read is None:
            self.first_read = now
        return now


async def run() -> tuple[list[float], float, float]:
    clock = RecordingClock()
    deps = dataclasses.replace(
        build_dependencies(MemoryDataStore()), clock=clock, make_cues=lambda settings: RecordingCues()
    )
    real = find_pattern(PATTERN)
    pattern = make_pattern("Benchmark", [(s.what.value, s.seconds / SCALE) for s in real.phases])
    deps.relaxation_repository.save_pattern(pattern)
    cycles = round(MINUTES * 60 / real.cycle_seconds)
    words = {step.what.cue.encode(): step.what for step in pattern.phases}
    shown: list[tuple[float, bytes]] = []  # (scaled time the update left, phase word)
    encode = configure_encode_object_for_msgpack(BaseControl)

    async with mounted(lambda page: main(page, deps), route=routes.breathe(pattern.id)) as h:
        sent = h.client.send_message

        def watch(message) -> None:
            sent(message)
            frame = msgpack.packb([message.action, message.body], default=encode)
            for word in words:
                if word in frame:
                    shown.append((time.monotonic(), word))

        h.client.send_message = watch
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        total = cycles * pattern.cycle_seconds
        while clock.first_read is None or time.monotonic() - clock.first_read < total + 0.5:
            await asyncio.sleep(0.05)
        wall, cpu = time.perf_counter() - wall_start, time.process_time() - cpu_start

    start = clock.first_read or 0.0
    due = []
    for cycle in range(cycles):
        offset = start + cycle * pattern.cycle_seconds
        for step in pattern.phases:
            due.append((offset, step.what.cue.encode()))
            offset += step.seconds
    lags = []
    for when_due, word in due[1:]:  # the first phase is shown as the screen opens
        later = [t for t, w in shown if w == word and t >= when_due - 0.001]
        if later:
            lags.append(min(later) - when_due)
        else:
            lags.append(float("inf"))
    return lags, wall, cpu


def main_bench() -> int:
    lags, wall, cpu = asyncio.run(run())
    finite = sorted(lag for lag in lags if lag != float("inf"))
    missed = len(lags) - len(finite)
    p99 = finite[min(len(finite) - 1, int(0.99 * len(finite)))] if finite else float("inf")
    print(f"\nBreathing tick loop: {MINUTES} minutes of {PATTERN} breathing, phases {SCALE:g}x shorter, {len(lags)} phase changes\n")
    print(f"| {'measure':40} | {'value':>10} |")
    print(f"|{'-' * 42}|{'-' * 12}|")
    print(f"| {'phase-change lag, median (ms)':40} | {statistics.median(finite) * 1e3:10.1f} |")
    print(f"| {'phase-change lag, 99th percentile (ms)':40} | {p99 * 1e3:10.1f} |")
    print(f"| {'phase-change lag, largest (ms)':40} | {finite[-1] * 1e3:10.1f} |")
    print(f"| {'phase changes never shown':40} | {missed:10d} |")
    print(f"| {'CPU, share of one core (%)':40} | {100 * cpu / wall:10.2f} |")
    print("\ntargets: lag under 50 ms at the 99th percentile; CPU under 2% of one core")
    return 0 if missed == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main_bench())
