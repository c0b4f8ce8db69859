"""How long ``explainer import timelinejs`` takes on a large sheet: ``python -m tests.import_bench [ROWS]``.

Writes a synthetic TimelineJS sheet (test data: invented rows with times, spans, groups, display
dates and HTML text) and imports it into a copy of the fixture explainer; prints the seconds taken
by reading and converting the rows, by writing the records, and in all.
"""

from __future__ import annotations

import csv
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator import importer
from tests.conftest import FIXTURE


def sheet(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(importer.COLUMNS)
        writer.writerow(["", "", "", "", "", "", "", "", "", "Synthetic test sheet", "<p>Invented rows.</p>"]
                        + [""] * 4 + ["title", "", ""])  # fmt: skip
        for n in range(rows):
            day = 1 + n % 28
            time_of_day = f"{n % 24:02d}:{n % 60:02d}" if n % 3 else ""
            end = ["2025", str(1 + n % 12), str(min(28, day + 2)), ""] if n % 10 == 0 else ["", "", "", ""]
            writer.writerow(
                ["2025", str(1 + n % 12), str(day), time_of_day, *end, "about then" if n % 7 == 0 else "",
                 f"Synthetic entry {n}", f"<p>Entry <b>{n}</b> with <a href='https://example.org/{n}'>a link</a>.</p>",
                 "", "", "", "", "", f"Side {n % 12}", ""]
            )  # fmt: skip


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        content = work / "content"
        shutil.copytree(FIXTURE, content)
        source = work / "sheet.csv"
        sheet(source, rows)
        begun = time.perf_counter()
        found = importer.convert(importer.read_rows(source), importer.scaffold.used_ids(content), None)
        converted = time.perf_counter()
        importer.write(content, found)
        done = time.perf_counter()
        events = len(found.records.get("events.yml", []))
        print(
            f"import: rows={rows} events={events} convert_s={converted - begun:.2f}"
            f" write_s={done - converted:.2f} total_s={done - begun:.2f}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
