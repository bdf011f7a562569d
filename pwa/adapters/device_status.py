"""What Settings can say about the device in the offline build: installed or not, ready offline,
and whether the browser promised to keep the data.

Python runs in a worker, which cannot see the page's display mode or service worker, so it asks
the page script (pwa/web/pwa.js) on a BroadcastChannel and waits briefly for the answer. The
server run has no such device: there the answer is None and Settings shows nothing about it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

STATUS_CHANNEL = "bfs-companion-status"
ANSWER_TIMEOUT_SECONDS = 2.0


@dataclass(frozen=True)
class DeviceStatus:
    installed: bool
    offline_ready: bool
    persisted: bool

    @classmethod
    def from_answer(cls, answer: object) -> DeviceStatus | None:
        if not isinstance(answer, dict):
            return None
        return cls(bool(answer.get("installed")), bool(answer.get("offlineReady")), bool(answer.get("persisted")))


async def no_device_status() -> DeviceStatus | None:
    return None


async def browser_device_status() -> DeviceStatus | None:
    """Ask the page; None if it does not answer in time (an old page script, or none at all)."""
    import js
    from pyodide.ffi import create_proxy

    answer: asyncio.Future = asyncio.get_event_loop().create_future()

    def on_message(event) -> None:
        data = event.data.to_py() if hasattr(event.data, "to_py") else event.data
        status = DeviceStatus.from_answer(data)
        if status is not None and not answer.done():
            answer.set_result(status)

    channel = js.BroadcastChannel.new(STATUS_CHANNEL)
    listener = create_proxy(on_message)
    channel.onmessage = listener
    try:
        channel.postMessage("status?")
        return await asyncio.wait_for(answer, ANSWER_TIMEOUT_SECONDS)
    except asyncio.TimeoutError:
        return None
    finally:
        channel.close()
        listener.destroy()
