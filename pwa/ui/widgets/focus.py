"""Moving keyboard focus to a control by its key: the first field in error after a failed save.

flet 1.0.5 control references do not survive a re-render (a component's controls are rebuilt and
diffed), so the control is looked up by key in the live tree at the moment focus moves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

import flet as ft
from flet.controls.base_control import BaseControl

_WALK_PRIVATE = {"_b", "_dialogs"}  # a component's rendered body; the page's dialogs


def iter_controls(root: Any) -> Iterator[BaseControl]:
    """Depth-first walk of the live control tree, in reading order, unwrapping components."""
    stack, seen = [root], set()
    while stack:
        value = stack.pop()
        if isinstance(value, (list, tuple)):
            stack.extend(reversed(value))
            continue
        if isinstance(value, dict):
            stack.extend(value.values())
            continue
        if not isinstance(value, BaseControl) or id(value) in seen:
            continue
        seen.add(id(value))
        yield value
        children = [
            getattr(value, f.name, None) for f in dataclasses.fields(value) if not f.name.startswith("_") or f.name in _WALK_PRIVATE
        ]
        stack.extend(reversed([c for c in children if c is not None]))


async def focus_first(keys: Iterable[str], root: Any = None) -> str | None:
    """Focus the first control of `keys` (in that order) that is on screen and can take focus;
    returns its key, or None when none could."""
    controls = {c.key: c for c in iter_controls(root if root is not None else ft.context.page) if isinstance(c.key, str)}
    for key in keys:
        control = controls.get(key)
        if control is not None and callable(getattr(control, "focus", None)):
            await control.focus()
            return key
    return None


async def focus_first_inside(container_key: str, root: Any = None) -> str | None:
    """Focus the first control that can take focus inside the control keyed `container_key`, in
    reading order (a skip link's target); returns its key, or None when there is none."""
    page_tree = root if root is not None else ft.context.page
    container = next((c for c in iter_controls(page_tree) if c.key == container_key), None)
    if container is None:
        return None
    for control in iter_controls(container):
        if control is not container and callable(getattr(control, "focus", None)) and not getattr(control, "disabled", False):
            await control.focus()
            return control.key if isinstance(control.key, str) else None
    return None


def use_focus_on_refusal(field_keys: dict[str, str], errors: dict[str, str]):
    """A form's "Save was refused" signal: call the returned function when a save is refused, and
    keyboard focus moves to the first field in error, in the order of `field_keys` ({problem name:
    control key}). Typing afterwards does not pull focus back; only the next refusal does."""
    refusals, set_refusals = ft.use_state(0)

    async def focus_first_error() -> None:
        if refusals:
            await focus_first(key for field, key in field_keys.items() if field in errors)

    ft.use_effect(focus_first_error, [refusals])
    return lambda: set_refusals(refusals + 1)
