"""``explainer import timelinejs SOURCE``: a TimelineJS timeline brought over as records.

SOURCE is the CSV of TimelineJS's spreadsheet template (as Google Sheets or Excel saves it, its
columns named as the template names them) or a TimelineJS JSON file. Each row with a date becomes
an event, at the precision the row gives: a year, a month, a day, or a day and an hour; with
``--utc-offset`` (the sheet's clock), a time to the minute becomes an exact time. Display Date is
kept as the source's own words (``as_reported``), End columns as ``until``, Group as an actor (the
lane), Headline as the title, Text (HTML) as prose through a safe conversion (paragraphs, links,
emphasis; everything else as text), the ``title`` row as the incident's title and summary.

Nothing is invented: every event cites one placeholder source and rows without a Group one
placeholder actor, which the build refuses until an editor writes them. Records are appended to the
content's files (the rest of each file kept byte for byte), with ids from the headlines that no
record uses yet. Every row that cannot be brought over is reported with its row number and why.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from . import fields, scaffold
from .errors import UsageError
from .load import load_yaml

COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
           "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
           "Background")  # fmt: skip
"""The columns of TimelineJS's spreadsheet template."""
COLUMN_FIELDS = {
    "Year, Month, Day": "`when`: a year, a month or a day, as precise as the row",
    "Time": "`when`'s `hour`; with `--utc-offset=-06:00` (the sheet's clock), an exact time",
    "End Year, End Month, End Day, End Time": "`until`, the same way",
    "Display Date": "`when`'s `as_reported`: the source's own words",
    "Headline": "`title`, its words without tags",
    "Text": "`summary`: paragraphs, links and emphasis kept, other HTML as text, scripts dropped",
    "Group": "`actors`: the actor of that name, made (with a placeholder source) if there is none",
    "Type": "`title`: the incident's title and summary, reported for `incident.yml`; `era`: not imported",
    "Media, Media Credit, Media Caption": "`media`: an http(s) address as a link out (a card; its kind from its"
    " host), the caption as its title, the credit as its credit; anything else (a picture on your own server, a"
    " quote) is reported",
    "Media Thumbnail": "not imported: the site makes its own",
    "Background": "not imported: a slide's look",
}
"""The spreadsheet's columns and the fields they fill (the editors' guide's table)."""
SOURCE_ID = "timelinejs-sheet"
ACTOR_ID = "timelinejs-unknown-side"
FORMULA = re.compile(r"^\s*[=+@]\s*[A-Za-z_]+\s*\(")
TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$")


@dataclass
class Imported:
    """What an import brings: records by file, and the rows it could not bring, with why."""

    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    """Rows brought over with something left out or to check (media, a formula kept as text)."""
    title: dict[str, str] | None = None


# --- Reading -------------------------------------------------------------------------------------


def read_rows(source: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a TimelineJS sheet (CSV) or JSON file, as (row number, column -> text)."""
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise UsageError(f"{source}: cannot be read ({error.strerror})") from None
    text = raw.decode("utf-8-sig", errors="replace")
    if source.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        return _json_rows(source, text)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    names = [name.strip() for name in reader.fieldnames or []]
    if "Headline" not in names or "Year" not in names:
        raise UsageError(
            f"{source}: not TimelineJS's spreadsheet template: its first row must name the columns"
            f" ({', '.join(COLUMNS[:10])}, ...)"
        )
    rows = []
    for number, row in enumerate(reader, start=2):  # the header is row 1, as the sheet numbers it
        rows.append((number, {str(k).strip(): (v or "").strip() for k, v in row.items() if k is not None}))
    return rows


def _json_rows(source: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{source}:{error.lineno}:{error.colno}: not JSON ({error.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise UsageError(f"{source}: not a TimelineJS JSON file (no 'events' list)")
    rows = []
    title = data.get("title")
    if isinstance(title, dict):
        rows.append((0, {"Type": "title", **_json_text(title)}))
    for number, event in enumerate(data["events"], start=1):
        event = event if isinstance(event, dict) else {}
        row = {"Type": str(event.get("type") or ""), "Group": str(event.get("group") or "")}
        row |= _json_text(event)
        for prefix, key in (("", "start_date"), ("End ", "end_date")):
            date = _dict(event.get(key))
            for part in ("year", "month", "day"):
                row[f"{prefix}{part.title()}"] = str(date.get(part, "") or "")
            if date.get("hour") not in (None, ""):
                row[f"{prefix}Time"] = f"{date.get('hour')}:{str(date.get('minute') or 0).zfill(2)}"
        row["Display Date"] = str(event.get("display_date") or _dict(event.get("start_date")).get("display_date") or "")
        media = _dict(event.get("media"))
        row["Media"] = str(media.get("url") or "")
        row["Media Credit"] = str(media.get("credit") or "")
        row["Media Caption"] = str(media.get("caption") or "")
        rows.append((number, row))
    return rows


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _json_text(item: dict[str, Any]) -> dict[str, str]:
    words = _dict(item.get("text"))
    return {"Headline": str(words.get("headline") or ""), "Text": str(words.get("text") or "")}


# --- HTML to Markdown ----------------------------------------------------------------------------


class _Prose(HTMLParser):
    """TimelineJS's HTML as Markdown: paragraphs and line breaks, http(s) links, emphasis and bold;
    every other tag dropped (its words kept), scripts and styles dropped whole, words escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.links: list[str | None] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in ("p", "div", "blockquote", "li", "h1", "h2", "h3"):
            self.out.append("\n\n")
        elif tag == "br":
            self.out.append("\n\n")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            good = href if re.match(r"^https?://[^\s<>()]+$", href) else None
            self.links.append(good)
            if good:
                self.out.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.out.append(f"]({href})")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", re.sub(r"\s+", " ", data)))


def prose(markup: str) -> str:
    """TimelineJS text (HTML) as the explainer's prose (Markdown)."""
    parser = _Prose()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.out)
    text = re.sub(r"\*\*\s*\*\*|(?<!\*)\*\s*\*(?!\*)", "", text)  # emphasis around nothing
    paragraphs = [re.sub(r"[ \t]+", " ", part).strip() for part in text.split("\n\n")]
    return "\n\n".join(part for part in paragraphs if part)


def words(markup: str) -> str:
    """A headline's words, without its tags."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", " ", markup))).strip()


# --- Rows to records -----------------------------------------------------------------------------

KINDS_BY_HOST = {
    "video": ("youtube.com", "youtu.be", "vimeo.com", "dailymotion.com"),
    "audio": ("soundcloud.com", "spotify.com", "podcasts.apple.com"),
    "social_media_post": ("twitter.com", "x.com", "instagram.com", "facebook.com", "tiktok.com", "bsky.app",
                          "threads.net", "mastodon.social"),
    "map": ("maps.google.com", "openstreetmap.org", "maps.apple.com"),
}  # fmt: skip
PICTURE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)(?:[?#].*)?$", re.IGNORECASE)


def media_link(row: dict[str, str], headline: str) -> dict[str, Any] | None:
    """A row's Media as a link out, or None when it is not an http(s) address."""
    url = row.get("Media", "").strip()
    if url.startswith("//"):
        url = "https:" + url
    if not re.fullmatch(r"https?://[^\s<>\"']+", url):
        return None
    host = re.sub(r"^www\.", "", url.split("/")[2].split(":")[0].lower())
    kind = next((k for k, hosts in KINDS_BY_HOST.items() if any(host == h or host.endswith("." + h) for h in hosts)),
                "image" if PICTURE.search(url) else "document")  # fmt: skip
    if re.match(r"^https?://(?:www\.)?google\.[a-z.]+/maps[/?]", url):
        kind = "map"
    link: dict[str, Any] = {"type": "link", "url": url, "kind": kind,
                            "title": words(row.get("Media Caption", "")) or headline or url}  # fmt: skip
    credit = words(row.get("Media Credit", ""))
    if credit:
        link["credit"] = credit
    return link


def _number(text: str, low: int, high: int, name: str) -> int:
    try:
        value = int(float(text)) if re.fullmatch(r"-?\d+(\.0+)?", text) else int(text)
    except ValueError:
        raise ValueError(f"{name} '{text}' is not a number") from None
    if not low <= value <= high:
        raise ValueError(f"{name} {value} is not between {low} and {high}")
    return value


def date_of(row: dict[str, str], prefix: str, offset: dt.timezone | None) -> dict[str, Any] | None:
    """A date at the precision the row gives it (None: no year in the row)."""
    year_text = row.get(f"{prefix}Year", "")
    if not year_text:
        return None
    year = _number(year_text, 1000, 2999, f"{prefix}Year")
    month_text, day_text, time_text = (row.get(f"{prefix}{part}", "") for part in ("Month", "Day", "Time"))
    if not month_text:
        if day_text or time_text:
            raise ValueError(f"{prefix}Day or {prefix}Time without {prefix}Month")
        return {"precision": "year", "year": year}
    month = _number(month_text, 1, 12, f"{prefix}Month")
    if not day_text:
        if time_text:
            raise ValueError(f"{prefix}Time without {prefix}Day")
        return {"precision": "month", "month": f"{year:04d}-{month:02d}"}
    try:
        day = dt.date(year, month, _number(day_text, 1, 31, f"{prefix}Day"))
    except ValueError as error:
        raise ValueError(f"{year}-{month}-{day_text} is not a day ({error})") from None
    if not time_text:
        return {"precision": "day", "date": day}
    found = TIME.match(time_text)
    if found is None:
        raise ValueError(f"{prefix}Time '{time_text}' is not a time such as 09:30")
    hour, minute = int(found[1]), int(found[2])
    if found[4]:
        hour = hour % 12 + (12 if found[4].lower() == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{prefix}Time '{time_text}' is not a time of day")
    if offset is not None:
        moment = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=offset)
        return {"precision": "exact", "datetime": moment.isoformat()}
    # Without the sheet's time zone a minute cannot be placed: the hour, and the sheet's words.
    return {"precision": "day", "date": day, "hour": hour}


def slug(text: str, used: set[str]) -> str:
    """An id from words, not in ``used`` (which it joins)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    base = "-".join(re.findall(r"[a-z0-9]+", plain))[:60].strip("-") or "entry"
    if base in fields.RESERVED_IDS:
        base += "-entry"
    found, n = base, 1
    while found in used:
        n += 1
        found = f"{base}-{n}"
    used.add(found)
    return found


def convert(
    rows: list[tuple[int, dict[str, str]]],
    used: set[str],
    offset: dt.timezone | None,
    known: dict[str, str] | None = None,
) -> Imported:
    """The records a sheet's rows make (``used``: ids already in the content; ``known``: the
    content's actors, name -> id, which a Group of the same name stands for)."""
    found = Imported()
    events: list[dict[str, Any]] = []
    known = {name.casefold(): actor_id for name, actor_id in (known or {}).items()}
    actors: dict[str, str] = {}  # group -> actor id
    for number, row in rows:
        kind = row.get("Type", "").strip().lower()
        for column, value in row.items():
            if FORMULA.match(value):
                found.notes.append((number, f"{column} looks like a spreadsheet formula: kept as text"))
        if kind == "title":
            found.title = {"title": words(row.get("Headline", "")), "summary": prose(row.get("Text", ""))}
            continue
        if kind == "era":
            found.skipped.append((number, "an era (a labelled span): the explainer has no eras"))
            continue
        try:
            when = date_of(row, "", offset)
            until = date_of(row, "End ", offset)
        except ValueError as error:
            found.skipped.append((number, str(error)))
            continue
        if when is None:
            found.skipped.append((number, "no Year: TimelineJS needs one to place a slide, and so do we"))
            continue
        headline = words(row.get("Headline", ""))
        group = words(row.get("Group", ""))
        if group and group not in actors:
            actors[group] = known.get(group.casefold()) or slug(group, used)
        event: dict[str, Any] = {
            "id": slug(headline or f"row {number}", used),
            "title": headline or f"{fields.PLACEHOLDER} Replace with a title (row {number} has no Headline)",
            "summary": prose(row.get("Text", "")) or f"{fields.PLACEHOLDER} Replace with what happened",
            "actors": [actors[group] if group else ACTOR_ID],
            "when": when | ({"as_reported": words(row["Display Date"])} if row.get("Display Date") else {}),
            "sources": [SOURCE_ID],
        }
        if until is not None:
            event["until"] = until
        if row.get("Media"):
            link = media_link(row, headline)
            if link is None:
                why = f"its media ({row['Media'][:80]}) is not an http(s) address: add it by hand"
                found.notes.append((number, why))
            else:
                event["media"] = [link]
        events.append(event)
    if events:
        found.records["events.yml"] = events
        found.records["actors.yml"] = [
            {"id": actor_id, "name": name, "kind": "group", "sources": [SOURCE_ID]}
            for name, actor_id in actors.items()
            if name.casefold() not in known
        ]
        if any(ACTOR_ID in event["actors"] for event in events):
            found.records["actors.yml"].append(
                {"id": ACTOR_ID, "name": f"{fields.PLACEHOLDER} Replace with who acted (rows with no Group)",
                 "kind": "group", "sources": [SOURCE_ID]}
            )  # fmt: skip
        found.records["sources.yml"] = [
            {"id": SOURCE_ID, "title": f"{fields.PLACEHOLDER} Replace with the source of the imported entries",
             "publisher": f"{fields.PLACEHOLDER} Replace with its publisher", "kind": "other",
             "published": {"precision": "unknown",
                           "basis": f"{fields.PLACEHOLDER} Replace with its date, or say why it is not known."}}
        ]  # fmt: skip
    return found


# --- Writing -------------------------------------------------------------------------------------


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """YAML as editors write it (days as plain text), with libyaml's speed where it is built in."""


_Dumper.add_representer(dt.date, lambda dumper, day: dumper.represent_scalar("tag:yaml.org,2002:str", day.isoformat()))


def write(content: Path, found: Imported) -> list[Path]:
    """Append the records to their files (existing records kept byte for byte); the files written."""
    written = []
    for name, records in found.records.items():
        there = scaffold.used_ids(content, name)
        records = [r for r in records if r["id"] not in there]
        if not records:
            continue
        text = yaml.dump(records, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        path = content / name
        if path.exists() and path.read_text(encoding="utf-8").strip() in ("", "[]"):
            path.unlink()  # an empty list: the records replace it
        written.append(scaffold.append_text(path, Path(name).stem, text))
    return written


def known_actors(content: Path) -> dict[str, str]:
    """The content's actors, name -> id (a file that does not load counts as none)."""
    loaded, _ = load_yaml(content / "actors.yml") if (content / "actors.yml").is_file() else (None, [])
    data = loaded.data if loaded is not None else None
    return {
        str(item["name"]): str(item["id"])
        for item in (data if isinstance(data, list) else [])
        if isinstance(item, dict) and item.get("name") and item.get("id")
    }


def run(source: Path, content: Path, utc_offset: str | None = None) -> tuple[Imported, list[Path]]:
    """Import ``source`` into ``content``: what was found, and the files written."""
    if not content.is_dir():
        raise UsageError(f"{content}: no content folder here (start a project with explainer init)")
    offset = None
    if utc_offset is not None:
        found = re.fullmatch(r"([+-])(\d{2}):(\d{2})", utc_offset)
        if found is None:
            raise UsageError(f"--utc-offset {utc_offset}: write the sheet's offset from UTC as +02:00 or -06:00")
        minutes = (int(found[2]) * 60 + int(found[3])) * (-1 if found[1] == "-" else 1)
        offset = dt.timezone(dt.timedelta(minutes=minutes))
    rows = read_rows(source)
    imported = convert(rows, scaffold.used_ids(content), offset, known_actors(content))
    return imported, write(content, imported)
