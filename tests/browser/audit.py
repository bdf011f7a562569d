"""What a screen reader and a keyboard user get from a page: Chromium's accessibility tree, the
Tab order, and how visible the focus is, measured on the rendered pixels."""

from __future__ import annotations

import re
import time
from pathlib import Path
from dataclasses import dataclass, field

from tests.browser.helpers import STEP_TIMEOUT_MS, png_pixels, tap
from tests.ui.shell.theme_colours import contrast

# Roles a person operates; each needs a name (WCAG 4.1.2).
INTERACTIVE_ROLES = {
    "button", "link", "checkbox", "radio", "switch", "slider", "tab", "menuitem", "menuitemcheckbox",
    "menuitemradio", "combobox", "textbox", "searchbox", "spinbutton", "listbox", "option", "PopUpButton",
}  # fmt: skip
FOCUS_CONTRAST = 3.0  # WCAG 2.4.13: the focused and unfocused pixels differ by at least 3:1 ...
RING_PIXELS_PER_EDGE = 2  # ... over at least a 2 px thick perimeter of the control


def accessibility_tree(page) -> list[dict]:
    """Chromium's accessibility nodes (what assistive technology is given), ignored ones left out."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    tree = []
    for node in nodes:
        if node.get("ignored"):
            continue
        properties = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
        tree.append({
            "role": node.get("role", {}).get("value"),
            "name": (node.get("name") or {}).get("value", "").strip(),
            "properties": properties,
        })
    return tree


def unnamed_controls(page) -> list[str]:
    """Interactive nodes without an accessible name, as 'role (properties)'."""
    return [
        f"{node['role']} {sorted(k for k, v in node['properties'].items() if v not in (None, False))}"
        for node in accessibility_tree(page)
        if node["role"] in INTERACTIVE_ROLES and not node["name"] and not node["properties"].get("disabled")
    ]


ACTIVE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  const named = e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent || '';
  return {tag: e.tagName.toLowerCase(), role: e.getAttribute('role') || e.type || '', name: named.replace(/\\s+/g, ' ').trim().slice(0, 80),
          x: r.x, y: r.y, w: r.width, h: r.height, id: e.id};
}"""


# Targets that may stay under 48 px (never under 24, WCAG 2.5.8 AA), each because a 48 px control
# on the same screen does the same job (WCAG's "equivalent" exception), matched on 'name WxH'.
SMALLER_BY_DESIGN = (
    # The body map's areas follow the figure (an eyelid is 35 x 24); "Add place" below it offers every
    # place on the figures in 48 px menus (tests/core/test_body_map.py checks they are the same places).
    re.compile(r"^[A-Z][^,]*, (front|back): (not )?chosen \d+x\d+$"),
    # A day in Flutter's calendar on a landscape window (47 x 35); the date is typed in the 56 px field
    # beside the calendar button, and the calendar's own "Switch to input" (48 px) offers the same.
    re.compile(r"^\d{1,2}, [A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}(, Today)? \d+x\d+$"),
)


@dataclass
class TabStop:
    role: str
    name: str
    box: tuple[float, float, float, float]
    ring: tuple[int, int] | None = None  # (pixels changed by at least 3:1, pixels needed), when measured


@dataclass
class StateAudit:
    state: str
    size: str
    unnamed: list[str] = field(default_factory=list)
    stops: list[TabStop] = field(default_factory=list)
    escape: str = "n/a"  # "closes", "does not close", or "n/a" for a destination
    small_targets: list[str] = field(default_factory=list)  # below 48 px: a failure, but those SMALLER_BY_DESIGN
    tiny_targets: list[str] = field(default_factory=list)  # below 24 px: a failure of WCAG 2.5.8
    axe: list[str] = field(default_factory=list)  # axe-core's violations, 'rule (nodes)'

    @property
    def axe_failures(self) -> list[str]:
        """axe's violations but target-size, which counts a node cut by a scrolling list's edge as a
        small target; the audit's own target check (small_targets) leaves those out."""
        return [v for v in self.axe if not v.startswith("target-size ")]

    @property
    def unexplained_small_targets(self) -> list[str]:
        return [t for t in self.small_targets if not any(p.search(t) for p in SMALLER_BY_DESIGN)]

    @property
    def unnamed_stops(self) -> list[TabStop]:
        return [s for s in self.stops if not s.name]

    @property
    def faint_rings(self) -> list[TabStop]:
        return [s for s in self.stops if s.ring is not None and s.ring[0] < s.ring[1]]


TO_THE_TOP = """() => {
  if (document.activeElement) document.activeElement.blur();
  document.body.tabIndex = -1;
  document.body.focus();  // the next Tab starts from the top of the page
}"""


def tab_stops(page, limit: int = 40, rings: int = 0) -> list[TabStop]:
    """Every keyboard focus stop in Tab order, from the top of the page, until the order repeats;
    the focus ring of the first `rings` stops is measured on the way (focus comes back after)."""
    page.evaluate(TO_THE_TOP)
    seen, stops, skipped = set(), [], 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        time.sleep(0.12)
        active = page.evaluate(ACTIVE)
        if active is None or active["tag"] == "flutter-view":
            skipped += 1
            continue  # the view itself (Flutter takes focus there to route keys), not a control
        identity = (active["id"], active["tag"], active["name"], round(active["x"]), round(active["y"]))
        if identity in seen:
            break
        seen.add(identity)
        stop = TabStop(active["role"], active["name"], (active["x"], active["y"], active["w"], active["h"]))
        if len(stops) < rings:
            element = page.evaluate_handle("document.activeElement")
            stop.ring = ring_pixels(page, active)
            element.evaluate("e => e.focus()")
            time.sleep(0.3)
            if stop.ring is not None and stop.ring[0] < stop.ring[1]:
                # A control Flutter rebuilds as it takes focus (a segmented button) can be caught
                # between two frames: measure once more, now that it has settled.
                again = page.evaluate(ACTIVE)
                if again is not None and again["tag"] != "flutter-view":
                    stop.ring = ring_pixels(page, again)
                    element.evaluate("e => e.focus()")
                    time.sleep(0.1)
            if not element.evaluate("e => e === document.activeElement"):
                # Flutter put its own focus back (a link is not one of Flutter's focus nodes, so
                # focusing it again after the blur brings Flutter's last control forward): walk
                # the Tab order from the top back to this stop, as a person would.
                page.evaluate(TO_THE_TOP)
                for _ in range(len(stops) + 1 + skipped):
                    page.keyboard.press("Tab")
                    time.sleep(0.12)
        stops.append(stop)
    return stops


def _pixels(page, box) -> list[int]:
    """The clip's pixels as 0xRRGGBB, row by row."""
    _, _, rows = png_pixels(page.screenshot(clip=box))
    return [(row[i] << 16) | (row[i + 1] << 8) | row[i + 2] for row in rows for i in range(0, len(row), 3)]


def ring_pixels(page, stop: dict) -> tuple[int, int] | None:
    """(pixels around and on the focused control whose colour changes by >= 3:1 when focus leaves,
    the number a 2 px perimeter needs); None when the control is off screen."""
    viewport = page.viewport_size
    margin = 8
    x, y = max(stop["x"] - margin, 0), max(stop["y"] - margin, 0)
    right = min(stop["x"] + stop["w"] + margin, viewport["width"])
    bottom = min(stop["y"] + stop["h"] + margin, viewport["height"])
    if right - x < 4 or bottom - y < 4 or stop["y"] >= viewport["height"] or stop["y"] + stop["h"] <= 0:
        return None
    box = {"x": x, "y": y, "width": right - x, "height": bottom - y}
    focused = _pixels(page, box)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    time.sleep(0.15)
    unfocused = _pixels(page, box)
    changed = sum(1 for a, b in zip(focused, unfocused) if a != b and contrast(a, b) >= FOCUS_CONTRAST)
    needed = int(RING_PIXELS_PER_EDGE * 2 * (min(stop["w"], box["width"]) + min(stop["h"], box["height"])))
    return changed, needed


def small_targets(page, minimum: float) -> list[str]:
    """Operable nodes fully on screen that are smaller than `minimum` px either way, as 'name WxH'.

    WCAG 2.2 AA (2.5.8) asks 24 px; Material, and this app where it can, 48 px.
    """
    boxes = page.evaluate(
        """() => Array.from(document.querySelectorAll('flt-semantics-host [role=button], flt-semantics-host [role=checkbox],'
             + ' flt-semantics-host [role=radio], flt-semantics-host [role=switch], flt-semantics-host [role=tab],'
             + ' flt-semantics-host a, flt-semantics-host [role=menuitemcheckbox]'))
             .filter(e => e.getAttribute('aria-disabled') !== 'true')  // not operable: no target
             .filter(e => {  // cut by a scrolling list's edge: Flutter gives the visible part, not the target
               const r = e.getBoundingClientRect();
               for (let up = e.parentElement; up; up = up.parentElement) {
                 if (up.querySelector(':scope > flt-semantics-scroll-overflow')) {
                   const s = up.getBoundingClientRect();
                   return r.top > s.top + 1 && r.bottom < s.bottom - 1;
                 }
               }
               return true;
             })
             .map(e => { const r = e.getBoundingClientRect();
               return {name: (e.getAttribute('aria-label') || e.textContent || '').replace(/\\s+/g, ' ').trim(),
                       x: r.x, y: r.y, w: r.width, h: r.height}; })"""
    )
    size = page.viewport_size
    on_screen = [b for b in boxes if b["w"] and b["x"] >= 0 and b["y"] >= 0 and b["x"] + b["w"] <= size["width"] and b["y"] + b["h"] <= size["height"]]
    return [f"{b['name']} {b['w']:.0f}x{b['h']:.0f}" for b in on_screen if b["w"] < minimum - 0.5 or b["h"] < minimum - 0.5]


def named(page, role: str, name: str):
    """The first node with `role` whose accessible name starts with `name`."""
    return page.get_by_role(role, name=re.compile("^" + re.escape(name), re.IGNORECASE)).first


def step(page, action: tuple, wide: bool) -> None:
    kind, *args = action
    if kind == "go":  # a navigation destination: the bar's tabs on phones, the rail on wide windows
        (label,) = args
        if wide:
            tap(page.get_by_role("button", name=re.compile(rf"^{label}\s+Tab\b")).first)
        else:
            tap(page.get_by_role("tab", name=label))
    elif kind == "tap":
        tap(named(page, *args))
    elif kind == "expand":  # open an expander unless what it holds is already there
        expander, inside = args
        time.sleep(0.5)
        if named(page, "button", inside).count() == 0:
            tap(named(page, "button", expander))
    elif kind == "type":
        role, name, text = args
        target = named(page, role, name)
        target.wait_for(timeout=STEP_TIMEOUT_MS)
        target.focus()
        page.keyboard.type(text)
    elif kind == "key":
        page.keyboard.press(args[0])
    time.sleep(0.8)


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.x A/AA violations on the page, as 'rule-id (nodes)'.

    axe-core comes pinned inside the axe-playwright-python wheel (installed with the test tools, no
    network at test time); the page must allow the injected script (a page opened with bypass_csp).
    """
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    page.add_script_tag(path=str(script))
    found = page.evaluate(
        """async () => {
          const result = await axe.run(document, {runOnly: {type: 'tag', values: AXE_TAGS}});
          return result.violations.map(v => `${v.id} (${v.nodes.length})`);
        }""".replace("AXE_TAGS", str(AXE_TAGS))
    )
    return sorted(found)


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_VERSION = "4.12.1"
