"""`make mutation`: mutation testing of pwa/core/ with mutmut, and a score per module.

mutmut (pinned in the test extras, configured under [tool.mutmut] in pyproject.toml) copies the
package to mutants/, changes one thing at a time (a number, a comparison, a string, a call...)
and runs the fast test tiers that cover it; a mutant the tests still pass with "survived". It
shows its own progress while it runs (several minutes on two cores). Then this prints, per core
module, how many mutants the tests killed, against the target of 90 %, and lists the survivors
that are not explained in tests/mutation-survivors.md. Not part of `make test` or CI.

    python -m tests.mutation            # run everything, then the table
    python -m tests.mutation --report   # the table for the last run only
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

TARGET = 0.90
PROJECT = Path(__file__).resolve().parent.parent
EXPLAINED = PROJECT / "tests" / "mutation-survivors.md"
_RESULT = re.compile(r"^\s*pwa\.core\.(\w+)\.(\S+)__mutmut_(\d+): (.+)$")
KILLED = {"killed", "timeout"}  # a mutant that hangs the tests is caught too
NOT_COUNTED = {"no tests", "skipped", "not checked"}


def mutmut(*args: str, capture: bool = False) -> str:
    command = [sys.executable, "-m", "mutmut", *args]
    if capture:
        return subprocess.run(command, cwd=PROJECT, check=True, capture_output=True, text=True).stdout
    subprocess.run(command, cwd=PROJECT, check=True)
    return ""


def parse(results: str) -> dict[str, Counter]:
    """mutmut's `results --all true` lines -> {module: Counter(status)}."""
    modules: dict[str, Counter] = defaultdict(Counter)
    for line in results.splitlines():
        if match := _RESULT.match(line):
            modules[match.group(1)][match.group(4).strip()] += 1
    return dict(modules)


def survivors(results: str) -> list[str]:
    return [
        f"pwa.core.{m.group(1)}.{m.group(2)}__mutmut_{m.group(3)}"
        for line in results.splitlines()
        if (m := _RESULT.match(line)) and m.group(4).strip() == "survived"
    ]


def score(counts: Counter) -> float:
    counted = sum(n for status, n in counts.items() if status not in NOT_COUNTED)
    return sum(counts[s] for s in KILLED) / counted if counted else 1.0


def table(modules: dict[str, Counter]) -> str:
    lines = [
        f"| {'module':16} | {'mutants':>7} | {'killed':>6} | {'survived':>8} | {'no tests':>8} | {'score':>6} | target |",
        f"|{'-' * 18}|{'-' * 9}|{'-' * 8}|{'-' * 10}|{'-' * 10}|{'-' * 8}|--------|",
    ]
    total: Counter = Counter()
    for module in sorted(modules):
        counts = modules[module]
        total.update(counts)
        mark = "ok" if score(counts) >= TARGET else "BELOW"
        lines.append(
            f"| {module:16} | {sum(counts.values()):7} | {sum(counts[s] for s in KILLED):6} | "
            f"{counts['survived']:8} | {sum(counts[s] for s in NOT_COUNTED):8} | {score(counts):6.1%} | {mark:6} |"
        )
    lines.append(
        f"| {'all of pwa/core':16} | {sum(total.values()):7} | {sum(total[s] for s in KILLED):6} | "
        f"{total['survived']:8} | {sum(total[s] for s in NOT_COUNTED):8} | {score(total):6.1%} |        |"
    )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if "--report" not in argv:
        mutmut("run")
    results = mutmut("results", "--all", "true", capture=True)
    modules = parse(results)
    print()
    print(table(modules))
    explained = EXPLAINED.read_text() if EXPLAINED.exists() else ""
    unexplained = [name for name in survivors(results) if name not in explained]
    if unexplained:
        print(f"\n{len(unexplained)} surviving mutants not explained in {EXPLAINED.relative_to(PROJECT)}:")
        for name in unexplained:
            print(f"  {name}    (python -m mutmut show {name})")
    below = [m for m, counts in modules.items() if score(counts) < TARGET]
    return 1 if below or unexplained else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
