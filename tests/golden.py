"""Golden pages: the rendered output of the fixture explainer, committed under tests/golden/.

``make golden`` (``python -m tests.golden``) rewrites them after an intended change; review the
diff like any other change. ``tests/test_golden.py`` fails when the output differs.
"""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import generate
from generator.write import write_files

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "explainer"
GOLDEN = HERE / "golden"


def rendered() -> dict[str, str]:
    return generate(FIXTURE).files()


def main() -> None:
    files = rendered()
    write_files(GOLDEN, dict(files))
    print(f"wrote {len(files)} golden files to {GOLDEN.relative_to(HERE.parent)}/")


if __name__ == "__main__":
    main()
