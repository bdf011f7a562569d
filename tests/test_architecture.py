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


def test_home_starts_without_the_report_or_the_export_import_code():
    """Start-up in the browser pays for every import: what Home does not show is imported on first use."""
    import subprocess
    import sys
    from pathlib import Path

    script = """
import asyncio, sys
from pwa.adapters.storage import MemoryDataStore
from pwa.app import build_dependencies, main
from tests.flet_harness import mounted

async def home():
    deps = build_dependencies(MemoryDataStore())
    async with mounted(lambda page: main(page, deps)) as h:
        assert h.one(key="log-twitch").content == "Log a twitch"  # Home is built
asyncio.run(home())
lazy = ("pwa.core.report", "pwa.core.log_exchange", "pwa.adapters.log_transfer", "csv", "statistics")
print(",".join(m for m in lazy if m in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=Path(__file__).parents[1], timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


PWA = CORE.parent


def import_graph(package: Path) -> dict[str, set[str]]:
    """{module: the pwa modules it imports anywhere in its file}, lazy and TYPE_CHECKING imports included."""
    modules = {
        ".".join(py.relative_to(package.parent).with_suffix("").parts).removesuffix(".__init__"): py for py in package.rglob("*.py")
    }
    graph = {}
    for name, py in modules.items():
        targets = set()
        for node in ast.walk(ast.parse(py.read_text())):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets.add(node.module)
                targets |= {f"{node.module}.{alias.name}" for alias in node.names}
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle, each once, as the path that closes it."""
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                found.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_no_module_imports_itself_through_others():
    assert cycles(import_graph(PWA)) == []


def test_the_circle_check_finds_a_circle_hidden_in_a_function():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
