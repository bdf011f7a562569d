"""The save coalescing behind browser persistence (IDBFS itself is covered by the browser tier)."""

import asyncio

from pwa.adapters.browser_storage import CoalescedSave


async def test_a_burst_of_writes_costs_one_running_save_and_one_queued():
    started: list[int] = []
    release = asyncio.Event()

    async def save():
        started.append(len(started))
        await release.wait()

    saver = CoalescedSave(save)
    saver.schedule()
    await asyncio.sleep(0)
    assert started == [0]
    for _ in range(4):  # writes during a save: they collapse into exactly one more save
        saver.schedule()
    await asyncio.sleep(0)
    assert started == [0]

    release.set()
    await saver.flush()
    assert started == [0, 1]
    assert saver.completed == 2


async def test_writes_before_the_save_starts_are_covered_by_that_save():
    started: list[int] = []

    async def save():
        started.append(len(started))

    saver = CoalescedSave(save)
    for _ in range(3):
        saver.schedule()
    await saver.flush()
    assert started == [0]


async def test_flush_returns_at_once_when_nothing_is_pending():
    saver = CoalescedSave(lambda: asyncio.sleep(0))
    await saver.flush()
    assert saver.completed == 0


async def test_a_failed_save_is_reported_by_the_next_flush_and_cleared_by_a_good_one():
    outcomes = [OSError("quota exceeded"), None]

    async def save():
        outcome = outcomes.pop(0)
        if outcome:
            raise outcome

    saver = CoalescedSave(save)
    saver.schedule()
    await asyncio.sleep(0)  # the save ran and failed before anyone waited for it
    await asyncio.sleep(0)
    try:
        await saver.flush()
    except OSError as error:
        assert "quota exceeded" in str(error)
    else:
        raise AssertionError("a failed save must not look saved")
    saver.schedule()
    await saver.flush()  # the next save worked: nothing to report
    assert saver.completed == 2
