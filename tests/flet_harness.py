"""In-process Flet 1.0.5 harness: a real Session and Page over a fake client, no Flutter.

`mounted(main)` starts an app the way `ft.run` does after a browser registers; `tap`,
`enter_text` and `select` dispatch events the way the socket server does; `one(key=...)`
finds a control in the live tree. All use of flet's private API is kept in this file, which
is why flet is pinned exactly.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from contextlib import asynccontextmanager
from typing import Any

import msgpack

import flet as ft
from flet.controls.base_control import BaseControl

from pwa.ui.widgets.focus import iter_controls
from flet.controls.context import _context_page, context
from flet.messaging.connection import Connection
from flet.messaging.protocol import (
    Message,
    MessageAction,
    RegisterClientResponseBody,
    configure_encode_object_for_msgpack,
)
from flet.messaging.session import Session
from flet.pubsub.pubsub_hub import PubSubHub



class FakeClient(Connection):
    """Stands in for the Dart client: records messages and answers method calls."""

    def __init__(self) -> None:
        super().__init__()
        self.pubsubhub = PubSubHub()
        self.page_url = "http://127.0.0.1:8550"  # routing needs it; real transports set it
        self.messages: list[Message] = []
        self.session: Session | None = None
        self.methods: dict[str, Callable[[Any], Any]] = {}
        self.launched_urls: list[str] = []
        self.scrolls: list[tuple[int, dict]] = []  # (control id, scroll_to arguments)
        self.focused: list[int] = []  # ids of the controls asked to take keyboard focus, in order

    def send_message(self, message: Message) -> None:
        # Encode like FletSocketServer.send_message: the encoder records the snapshots that
        # later diffs are computed against, so skipping it would hide real update bugs.
        msgpack.packb([message.action, message.body], default=configure_encode_object_for_msgpack(BaseControl))
        self.messages.append(message)
        if message.action == MessageAction.INVOKE_METHOD:
            self.loop.call_soon(self._answer, message.body)

    def _answer(self, body) -> None:
        assert self.session is not None
        result, error = None, None
        if body.name == "push_route":  # what the Dart page control does
            route = body.args["route"]
            self.session.apply_page_patch({"route": route})
            self.loop.create_task(self.session.dispatch_event(self.session.page._i, "route_change", {"route": route}))
        elif body.name == "launch_url":
            self.launched_urls.append(body.args["url"])
        elif body.name == "focus":
            self.focused.append(body.control_id)
        elif body.name == "scroll_to":
            self.scrolls.append((body.control_id, body.args))
        elif body.name in self.methods:
            result = self.methods[body.name](body.args)
        else:
            error = f"FakeClient: unhandled method {body.name!r}"
        self.session.handle_invoke_method_results(body.control_id, body.call_id, result, error)

    def crashes(self) -> list[Message]:
        return [m for m in self.messages if m.action == MessageAction.SESSION_CRASHED]


def text_of(control: BaseControl) -> str | None:
    for attr in ("value", "content", "label"):
        value = getattr(control, attr, None)
        if isinstance(value, str):
            return value
    return None


class Harness:
    def __init__(self, client: FakeClient, session: Session) -> None:
        self.client, self.session, self.page = client, session, session.page

    def all(self, type_: type | None = None, *, key=None, text=None) -> list:
        return [
            c
            for c in iter_controls(self.page)
            if (type_ is None or isinstance(c, type_))
            and (key is None or c.key == key)
            and (text is None or text_of(c) == text)
        ]

    def one(self, type_: type | None = None, *, key=None, text=None):
        found = self.all(type_, key=key, text=text)
        assert len(found) == 1, f"expected 1 match for key={key!r} text={text!r}, got {len(found)}"
        return found[0]

    def texts(self) -> list[str]:
        return [t for c in iter_controls(self.page) if (t := text_of(c))]

    def views(self) -> list[ft.View]:
        return [ft.unwrap_component(v) for v in ft.unwrap_component(self.page.views)]

    def routes(self) -> list[str]:
        return [v.route for v in self.views()]

    def top_view(self) -> ft.View:
        return self.views()[-1]

    async def settle(self, turns: int = 30) -> None:
        for _ in range(turns):
            await asyncio.sleep(0)

    async def tap(self, control: BaseControl) -> None:
        await self.session.dispatch_event(control._i, "click", None)
        await self.settle()

    async def change(self, control: BaseControl, patch: dict[str, Any], data: Any = None) -> None:
        """A client-side edit (value, selected index...) followed by its `change` event."""
        self.session.apply_patch(control._i, patch)
        await self.session.dispatch_event(control._i, "change", data)
        await self.settle()

    async def select(self, key: str, value: Any) -> None:
        """Pick an option: in a menu button (widgets.choice), tap the item for `value`; in a drop-down,
        the new value then its select event, the way the client sends them."""
        control = self.one(key=key)
        if isinstance(control, ft.PopupMenuButton):
            items = [item for item in control.items if item.data == value]
            assert len(items) == 1, f"{key} offers {[item.data for item in control.items]}, not {value!r}"
            await self.session.dispatch_event(items[0]._i, "click", None)
        else:
            self.session.apply_patch(control._i, {"value": value})
            await self.session.dispatch_event(control._i, "select", value)
        await self.settle()

    def chosen(self, key: str) -> Any:
        """The value a choice (widgets.choice) shows as chosen: its checked menu item's, which is also its data."""
        control = self.one(key=key)
        checked = [item.data for item in control.items if item.checked]
        assert checked in ([control.data], []), (checked, control.data)
        return control.data

    async def pick(self, key: str, selected: bool = True) -> None:
        """Tap a choice chip: the client sends its new selected state as a select event."""
        await self.session.dispatch_event(self.one(key=key)._i, "select", selected)
        await self.settle()

    async def navigate(self, route: str) -> None:
        self.page.navigate(route)
        await self.settle()

    async def pop_view(self) -> None:
        """The system back button or the app bar's back arrow."""
        await self.session.dispatch_event(self.page._i, "view_pop", {"route": self.page.route})
        await self.settle()

    async def resize(self, width: float, height: float = 844) -> None:
        self.session.apply_page_patch({"width": width, "height": height})
        await self.session.dispatch_event(self.page._i, "resize", {"width": width, "height": height})
        await self.settle()


@asynccontextmanager
async def mounted(main: Callable[[ft.Page], Any], route: str = "/", width: float = 390, height: float = 844):
    """Run `main(page)` the way flet.run() does once a client has registered."""
    client = FakeClient()
    client.loop = asyncio.get_running_loop()
    session = Session(client)
    client.session = session
    # what a desktop browser reports on registering; services such as FilePicker read it
    session.apply_page_patch({"route": route, "width": width, "height": height, "web": True, "platform": "linux"})
    client.send_message(
        Message(
            MessageAction.REGISTER_CLIENT,
            RegisterClientResponseBody(session.id, session.get_page_patch(), ""),
        )
    )
    token = _context_page.set(session.page)
    context.reset_auto_update()
    harness = Harness(client, session)
    try:
        result = main(session.page)
        if inspect.isawaitable(result):
            await result
        await session.after_event(session.page)
        await harness.settle()
        yield harness
        assert client.crashes() == [], [m.body for m in client.crashes()]
    finally:
        session.close()
        await harness.settle()
        _context_page.reset(token)
