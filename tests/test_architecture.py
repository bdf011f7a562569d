"""The core stays pure: no UI toolkit, no storage engine, no event loop."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "pwa" / "core"
BANNED = {"flet", "flet_web", "flet_audio", "tinydb", "asyncio", "platformdirs"}


def imported_modules(source: str) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.append(node.module or "")
    return names


def test_core_imports_no_ui_storage_or_event_loop():
    files = list(CORE.rglob("*.py"))
    assert files, "pwa/core has no modules"
    offenders = [
        f"{py.relative_to(CORE)}: {name}"
        for py in files
        for name in imported_modules(py.read_text())
        if name.split(".")[0] in BANNED
    ]
    assert offenders == []


def test_the_import_check_catches_a_banned_import():
    assert imported_modules("import flet as ft\nfrom tinydb.table import Document\n") == ["flet", "tinydb.table"]
