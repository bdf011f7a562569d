"""Fingerprints of the seed articles' word runs, so tests can prove the guide shares none of them.

The seed articles are not part of the repository; their 8-word runs are stored as short hashes in
`seed_runs.txt`, which reveals nothing of the text. Words are split the way
`shared/tools/seed_overlap.py` splits them. Regenerate with
`python -m tests.content.seed_fingerprint ../shared/seeds`.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

RUN_LENGTH = 8
FINGERPRINTS = Path(__file__).with_name("seed_runs.txt")
_WORD = re.compile(r"[a-z0-9]+")


def runs(text: str, length: int = RUN_LENGTH) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + length]) for i in range(len(words) - length + 1)}


def fingerprint(run: str) -> str:
    return hashlib.sha256(run.encode()).hexdigest()[:16]


def main(seeds: Path) -> None:
    prints = sorted({fingerprint(r) for path in sorted(seeds.glob("*.txt")) for r in runs(path.read_text())})
    FINGERPRINTS.write_text("\n".join(prints) + "\n")
    print(f"wrote {len(prints)} fingerprints to {FINGERPRINTS}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
