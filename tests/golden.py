"""Golden pages: the rendered output of each fixture explainer, committed under tests/golden/<name>/.

``make golden`` (``python -m tests.golden``) rewrites them after an intended change; review the
diff like any other change. ``tests/test_golden.py`` fails when the output differs. Besides the
English and Spanish fixtures, ``en-paged`` and ``es-paged`` render them with listings of two records
per page, so the continuation pages (``timeline/page-2.md``...) have golden files too, and
``translated-es`` and ``translated-ar`` are the English fixture's sites in its Spanish and Arabic
translations (tests/fixtures/translations/: partial, so both translated and marked words show).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.pipeline import generate
from generator.render import problems_page
from generator.site import PAGE_SIZE
from generator.write import write_files

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"

CASES = {
    "en": ("explainer", None),
    "es": ("explicador", None),
    "en-paged": ("explainer", 2),
    "es-paged": ("explicador", 2),
    "dated": ("dated", None),
    "translated-es": ("explainer", None),
    "translated-ar": ("explainer", None),
}
"""Golden folder -> (fixture explainer, records per listing page or None for the default)."""
TRANSLATED = "translated-"

PROBLEMS = ["content/events.yml:12:3: missing required field 'summary'", "content/x.yml:1:1: <b>*not*</b> `code`"]
"""Problem lines for the golden 'Content problems' page (with characters that must stay text)."""


def rendered(case: str) -> dict[str, str]:
    fixture, size = CASES[case]
    if case.startswith(TRANSLATED):
        language = case.removeprefix(TRANSLATED)
        with tempfile.TemporaryDirectory() as folder:
            files = {
                path: text
                for path, text in generate(translated(Path(folder)), language=language).files().items()
                if not path.startswith("record/") and path != "data/explainer.schema.json"
            }
        return files
    files = generate(FIXTURES / fixture, page_size=size or PAGE_SIZE).files()
    # The records' redirect files are one pattern (tests/test_opendata.py checks them) and the data
    # schema follows the models' docstrings: both would only make every golden diff longer.
    files = {
        path: text
        for path, text in files.items()
        if not path.startswith("record/") and path != "data/explainer.schema.json"
    }
    if size is None:
        language = "es" if case.startswith("es") else "en"
        files["problems.md"] = problems_page(PROBLEMS, language)
    return files


def translated(folder: Path) -> Path:
    """The English fixture with its Spanish and Arabic translations, in ``folder``."""
    from tests.conftest import fixture_translation, translated_copy

    return translated_copy(folder, fixture_translation("es") | fixture_translation("ar"), "[es, ar]")


def main() -> None:
    for case in CASES:
        files = rendered(case)
        write_files(GOLDEN / case, dict(files))
        print(f"wrote {len(files)} golden files to {(GOLDEN / case).relative_to(HERE.parent)}/")


if __name__ == "__main__":
    main()
