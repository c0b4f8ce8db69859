"""Every date that validates builds: the earliest and latest accepted (the years 1000 and 2999, UTC
offsets of +14:00 and -14:00, a range over the whole span, 'as_of' on the last day a build can be
stamped with) make a whole site, its timeline, feed and open data. The dates outside are refused
(tests/cases/errors/dates-out-of-range.yml, as-of-too-*.yml)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser

from tests.conftest import make_project, run_explainer

EXTREMES = """
- id: first-instant
  title: The first instant
  summary: The earliest moment a record may give, at the first time zone.
  actors: [example-council]
  when: {precision: exact, datetime: '1000-01-01T00:00:00+14:00'}
  sources: [daily-report]
- id: last-instant
  title: The last instant
  summary: The latest moment a record may give, at the last time zone.
  actors: [example-ministry]
  when: {precision: exact, datetime: '2999-12-31T23:59:59-14:00'}
  sources: [daily-report]
- id: whole-span
  title: Some day in the whole span
  summary: A range over every year.
  actors: [example-council]
  when: {precision: range, earliest: 1000-01-01, latest: 2999-12-31, basis: Not known.}
  sources: [daily-report]
- id: years
  title: A thing that lasted from 1000 to 2999
  summary: Years.
  actors: [example-ministry]
  when: {precision: year, year: 1000, approximate: true}
  until: {precision: year, year: 2999}
  sources: [daily-report]
- id: months
  title: A thing that lasted month to month
  summary: Months.
  actors: [example-council]
  when: {precision: month, month: 1000-01}
  until: {precision: month, month: 2999-12}
  sources: [daily-report]
- id: days
  title: A thing that lasted day to day
  summary: Days, the first in the morning at +14:00, the last at night at -14:00.
  actors: [example-council]
  when: {precision: day, date: 1000-01-01, hour: 0, utc_offset: "+14:00"}
  until: {precision: day, date: 2999-12-31, part_of_day: night, utc_offset: "-14:00"}
  sources: [daily-report]
"""


def test_the_earliest_and_latest_dates_accepted_build_a_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    content = project / "content"
    with (content / "events.yml").open("a", encoding="utf-8") as events:
        events.write(EXTREMES)
    incident = (content / "incident.yml").read_text(encoding="utf-8")
    incident = incident.replace("as_of: 2025-03-01", "as_of: 2105-12-31").replace(
        "first_published: 2025-02-01", "first_published: 1980-01-01"
    )
    (content / "incident.yml").write_text(incident, encoding="utf-8")
    sources = (content / "sources.yml").read_text(encoding="utf-8")
    sources = sources.replace("precision: day\n    date: 2025-01-10", "precision: day\n    date: 1000-01-01")
    (content / "sources.yml").write_text(sources, encoding="utf-8")

    result = run_explainer("build", cwd=project, site_url="http://127.0.0.1:9/")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert all(f"event-{name}" in timeline for name in ("first-instant", "last-instant", "whole-span", "days"))
    assert "1000" in timeline and "2999" in timeline
    figure = json.loads((site / "figures" / "timeline.json").read_text(encoding="utf-8"))
    assert figure["data"], "the timeline is drawn"
    ET.parse(site / "feed.xml")
    assert not feedparser.parse((site / "feed.xml").read_bytes()).bozo
    document = json.loads((site / "data" / "explainer.json").read_text(encoding="utf-8"))
    assert document["incident"]["as_of"] == "2105-12-31"
    assert (site / "sitemap.xml.gz").is_file()  # gzip's header holds the build's date (as_of)
