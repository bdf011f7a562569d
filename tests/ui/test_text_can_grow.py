"""Nothing that holds words has a fixed height: at 200 % text the words would be cut off inside it.

A button, chip, radio, switch or tile sets its height from its padding and its text (the theme's
padding makes a button 48 px with one line); the same goes for the container around one. Checked on
the source of every screen, so a fixed height anywhere in pwa/ui fails here, before a browser sees it.
"""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "pwa" / "ui"
HOLDS_WORDS = ("Button", "Chip", "Radio", "Switch", "ListTile", "Segment")


def _plain_words(value: ast.expr) -> bool:
    """A string, or a name that holds one (a label passed in), either way round an `a if b else c`."""
    if isinstance(value, ast.IfExp):
        return _plain_words(value.body) or _plain_words(value.orelse)
    return isinstance(value, (ast.JoinedStr, ast.Name, ast.Attribute)) or (isinstance(value, ast.Constant) and isinstance(value.value, str))


def fixed_heights(source: str) -> list[str]:
    """'line: Control' for each control holding words made with `height=` (or a container around one)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not any(k.arg == "height" for k in node.keywords):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        held = [k.value for k in node.keywords if k.arg in ("content", "label")]
        words = any(_plain_words(v) for v in held) or any(
            getattr(call.func, "attr", getattr(call.func, "id", "")).endswith((*HOLDS_WORDS, "Text"))
            for v in held for call in ast.walk(v) if isinstance(call, ast.Call)
        )
        if name.endswith(HOLDS_WORDS) or words:
            found.append(f"{node.lineno}: {name}")
    return found


def test_no_control_that_holds_words_has_a_fixed_height():
    files = list(UI.rglob("*.py"))
    assert len(files) > 20
    offenders = [f"{py.relative_to(UI)}:{where}" for py in files for where in fixed_heights(py.read_text())]
    assert offenders == []


def test_the_check_finds_a_fixed_height_on_a_button_or_around_words():
    source = """
ft.FilledButton(content="Save", height=52)
ft.OutlinedButton("Add", on_click=add, height=48)
ft.Container(expand=1, height=52, content=ft.TextButton(content=ft.Column([ft.Text("1")])))
ft.Container(height=40, content=ft.Text("Cut off"))
ft.Chip(label=ft.Text("Calf"), height=32)
button_type(content=label, icon=icon, height=72)
ft.Container(height=40, content=ft.Text("a") if short else None)
ft.Container(height=40, content=None if short else "Longer words")
"""
    assert fixed_heights(source) == ["2: FilledButton", "3: OutlinedButton", "4: Container", "5: Container", "6: Chip", "7: button_type", "8: Container",
                                      "9: Container"]


def test_the_check_leaves_shapes_and_padded_buttons_alone():
    source = """
ft.Container(width=6, height=6, border_radius=3)
ft.Container(height=24)
ft.Container(height=24, content=None)
ft.Container(height=30, content=ft.Icon(ft.Icons.CHECK))
ft.Container(width=9, height=9, content=ft.Icon(ft.Icons.PAUSE) if paused else None)
ft.ProgressBar(value=0.5, bar_height=8)
ft.FilledButton(content="Save", style=ft.ButtonStyle(padding=ft.Padding.symmetric(vertical=18)))
ft.Stack(height=300, controls=[ft.Container(left=1, top=2, width=30, height=24, content=ft.Semantics(label="Eyelid"))])
"""
    assert fixed_heights(source) == []
