"""Editorial rules, checked on a content folder and the site built from it.

The rules are what the README's "Editing this explainer" promises readers: every record cites a
source, quotes are exact and paraphrases say so, statements say who made them, no date looks more
precise than the sources give it, and an answered question is never called open. They say nothing
of what today's content/ holds, so they must keep holding after any honest update: a date found,
a question answered, a record added or retired. A test below makes such an update to a copy of
content/ and checks them again; others break the built site on purpose to show each rule can fail.

Each rule is a function ``(explainer, site) -> list of problems`` (empty when the rule holds);
:func:`check_rules` runs them all on a content folder and its built site.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections.abc import Callable, Iterable
from html.entities import codepoint2name
from pathlib import Path
from typing import Any

import pytest

from generator import models
from generator.i18n import Language
from generator.link import Explainer
from generator.messages import STATEMENT_FORM
from generator.pipeline import build_explainer
from tests.conftest import CONTENT, FIXTURES, make_project, run_explainer
from tests.html_pages import flat, listing_pages, read_listing

Rule = Callable[[Explainer, Path], list[str]]


def month_names(explainer: Explainer) -> list[str]:
    """Month names as the site writes dates in the explainer's language (Babel's, as the site's)."""
    months = Language.for_tag(explainer.incident.language).locale.months
    return [str(months[form]["wide"][m]) for form in ("format", "stand-alone") for m in range(1, 13)]


FILLS = {"exact": "", "day": "", "month": "-open-dot", "year": "-open-dot", "range": "-open-dot", "unknown": "-open"}
"""How a timeline marker's symbol ends for each date precision: solid, hollow with a dot, hollow."""


# --- The rules -----------------------------------------------------------------------------------


def _cited_records(explainer: Explainer) -> Iterable[tuple[str, str, list[str]]]:
    """(kind of record, its id, the source ids it cites) for every record that must cite sources."""
    for noun, table in (
        ("event", explainer.events),
        ("statement", explainer.statements),
        ("actor", explainer.actors),
        ("question", explainer.questions),
    ):
        for record_id, record in table.items():
            yield noun, record_id, list(record.sources)  # type: ignore[attr-defined]
    for number, fact in enumerate(explainer.incident.key_facts, start=1):
        yield "key fact", str(number), list(fact.sources)


def every_record_cites_a_known_source(explainer: Explainer, site: Path) -> list[str]:
    """Every event, statement, actor, question and key fact cites a source, and only source records."""
    problems = []
    for noun, record_id, sources in _cited_records(explainer):
        if not sources:
            problems.append(f"{noun} '{record_id}' cites no source")
        for source_id in sources:
            if source_id not in explainer.sources:
                problems.append(f"{noun} '{record_id}' cites '{source_id}', which is not a source record")
    return problems


def every_source_is_listed(explainer: Explainer, site: Path) -> list[str]:
    """Every source record is on the sources page(s) under ``source-<id>``, with its title and publisher."""
    listing = read_listing(site, "sources")
    problems = []
    for source in explainer.sources.values():
        section = listing.sections.get(f"source-{source.id}")
        if section is None:
            problems.append(f"source '{source.id}' is not on the sources page(s) under #source-{source.id}")
            continue
        for label, value in (("title", source.title), ("publisher", source.publisher)):
            if flat(value) not in section.text:
                problems.append(f"source '{source.id}': its {label} {value!r} is not shown on the sources page")
    return problems


def _timeline_records(explainer: Explainer) -> Iterable[tuple[str, models.Event | models.Statement]]:
    """(anchor, record) of every event and statement."""
    for event in explainer.events.values():
        yield f"event-{event.id}", event
    for statement in explainer.statements.values():
        yield f"statement-{statement.id}", statement


def every_entry_is_on_the_timeline_with_its_sources(explainer: Explainer, site: Path) -> list[str]:
    """Every event and statement is listed once on the timeline page(s), under its anchor, with its
    title and a link to each of its sources."""
    listing = read_listing(site, "timeline")
    problems = []
    for anchor, record in _timeline_records(explainer):
        count = listing.id_counts[anchor]
        if count != 1:
            problems.append(f"{anchor} is on the timeline page(s) {count} times, not once")
            continue
        item = listing.elements[anchor]
        if flat(record.title) not in item.text:
            problems.append(f"{anchor}: its title is not in its timeline item")
        for source_id in record.sources:
            if not any(href.endswith(f"#source-{source_id}") for href in item.hrefs):
                problems.append(f"{anchor}: its timeline item does not link its source '{source_id}'")
    return problems


def quotes_are_exact_and_paraphrases_labelled(explainer: Explainer, site: Path) -> list[str]:
    """Each statement's text is on the statements page(s) exactly as written (whitespace aside),
    and a paraphrase is labelled as one in the same section."""
    listing = read_listing(site, "statements")
    # The label as the site words it in the explainer's language, from the same catalog.
    word = Language.for_tag(explainer.incident.language).gettext(STATEMENT_FORM["paraphrase"])
    label = re.compile(rf"\b{re.escape(word)}\b", re.I)
    problems = []
    for statement in explainer.statements.values():
        anchor = f"statement-{statement.id}"
        section = listing.sections.get(anchor)
        if section is None:
            problems.append(f"{anchor} is not on the statements page(s)")
            continue
        if flat(statement.text) not in section.text:
            problems.append(f"{anchor}: its {statement.form} text is not shown exactly on the statements page")
        if statement.form == "paraphrase" and not label.search(section.text):
            problems.append(f"{anchor}: a paraphrase that is not labelled as one on the statements page")
    return problems


def statements_name_their_speaker(explainer: Explainer, site: Path) -> list[str]:
    """Characterisations are attributed: every statement shows its speaker's name beside it, in its
    section of the statements page and in its timeline item."""
    statements = read_listing(site, "statements")
    timeline = read_listing(site, "timeline")
    problems = []
    for statement in explainer.statements.values():
        anchor = f"statement-{statement.id}"
        speaker = explainer.actors.get(statement.speaker)
        if speaker is None:
            problems.append(f"{anchor}: its speaker '{statement.speaker}' is not an actor")
            continue
        for where, part in (
            ("statements page", statements.sections.get(anchor)),
            ("timeline", timeline.elements.get(anchor)),
        ):
            if part is not None and flat(speaker.name) not in part.text:
                problems.append(f"{anchor}: the speaker {speaker.name!r} is not named beside it on the {where}")
    return problems


def _finer_than(when: models.DateInfo, months: list[str]) -> list[re.Pattern[str]]:
    """Patterns of dates more precise than ``when`` (for month and year precision), in any language:
    a day number within a short word of the month's name ("3 March", "March 3", "3 de marzo")."""
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    if isinstance(when, models.MonthDate):
        year, month = when.month.split("-")
        name = "|".join(re.escape(m) for m in {months[int(month) - 1], months[int(month) + 11]})
        return [
            re.compile(rf"\b{day}\s(?:\w{{1,3}}\s)?(?:{name})\b", re.I),
            re.compile(rf"\b(?:{name})\s{day}\b(?!\d)", re.I),
            re.compile(rf"\b{year}-{month}-\d{{2}}\b"),
        ]
    if isinstance(when, models.YearDate):
        names = "|".join(re.escape(m) for m in months)
        return [
            re.compile(rf"\b(?:{names}),? {when.year}\b"),
            re.compile(rf"\b{when.year}-\d{{2}}(?:-\d{{2}})?\b"),
        ]
    return []


def dates_are_never_finer_than_their_precision(explainer: Explainer, site: Path) -> list[str]:
    """A missing or estimated date says what it rests on; a timeline marker is solid only for a day,
    hollow with a dot for a month, year or range, hollow for no date; a list item shows no day for a
    month and no month for a year; and with no calendar date at all the chart shows no date axis."""
    problems = []
    months = month_names(explainer)
    dated: list[tuple[str, models.DateInfo]] = [
        (f"source '{s.id}' published", s.published) for s in explainer.sources.values()
    ]
    dated += [(anchor, record.when) for anchor, record in _timeline_records(explainer)]
    for where, when in dated:
        if when.precision in ("unknown", "range") and not (when.basis or "").strip():
            problems.append(f"{where}: a date of precision '{when.precision}' without a basis")

    figure = json.loads((site / "figures" / "timeline.json").read_text(encoding="utf-8"))
    symbols: dict[str, str] = {}
    for trace in figure["data"]:
        points = [custom[0] for custom in trace.get("customdata") or []]
        if not points:  # lines over uncertain days and bands of durations carry no entry of their own
            continue
        marker = trace.get("marker", {}).get("symbol")
        for anchor, symbol in zip(points, [marker] * len(points) if isinstance(marker, str) else marker, strict=True):
            symbols[anchor] = symbol
    timeline = read_listing(site, "timeline")
    for anchor, record in _timeline_records(explainer):
        precision = record.when.precision
        symbol = symbols.get(anchor)
        fill = FILLS[precision]
        if getattr(record.when, "approximate", False) and precision == "day":
            fill = "-x-open"  # about a day: hollow with a cross
        if symbol is None:
            problems.append(f"{anchor} has no marker in the timeline figure")
        elif (
            (fill and not symbol.endswith(fill))
            or (not fill and "-open" in symbol)
            or (fill == "-open" and symbol.endswith(("-open-dot", "-x-open")))
        ):
            problems.append(f"{anchor}: marker '{symbol}' for a date of precision '{precision}'")
        item = timeline.elements.get(anchor)
        if item is not None:
            text = item.text
            basis = flat(record.when.basis or "")
            if precision in ("unknown", "range") and basis not in text:
                problems.append(f"{anchor}: its timeline item does not show the basis of its date")
            # The editor's own explanation of the date may name the day a source was published.
            for words in (record.when.basis, record.when.as_reported):
                if words:
                    text = text.replace(flat(words), "")
            for pattern in _finer_than(record.when, months):
                found = pattern.search(text)
                if found:
                    problems.append(f"{anchor}: its timeline item shows '{found.group()}', finer than a {precision}")
    undated = all(record.when.precision == "unknown" for _, record in _timeline_records(explainer))
    if undated and figure["layout"].get("xaxis", {}).get("showticklabels", True) is not False:
        problems.append("no entry has a calendar date, yet the timeline's x axis shows tick labels (dates)")
    return problems


def questions_are_shown_and_answers_never_called_open(explainer: Explainer, site: Path) -> list[str]:
    """Every question is on the questions page with why it matters and what would answer it; one
    that is not open shows its answer, is not filed under "Open", and is not listed on the home page
    under "What we don't know"."""
    listing = read_listing(site, "questions")
    problems = []
    open_section = listing.sections.get("status-open")
    for question in explainer.questions.values():
        anchor = f"question-{question.id}"
        section = listing.sections.get(anchor)
        if section is None:
            problems.append(f"{anchor} is not on the questions page")
            continue
        # Prose fields are shown as their words (formatting and links are not characters on the page).
        shown = [("question", question.question), ("why it matters", explainer.parsed(question.why_it_matters).plain())]
        shown.append(("what would answer it", explainer.parsed(question.what_would_answer).plain()))
        if question.status != "open":
            shown.append(("answer", explainer.parsed(question.answer or "").plain()))
        for label, value in shown:
            if flat(value) not in section.text:
                problems.append(f"{anchor}: its {label} is not shown on the questions page")
        if question.status != "open" and open_section is not None and anchor in open_section.ids:
            problems.append(f"{anchor} is {question.status}, yet listed under 'Open' on the questions page")

    home = read_listing(site, "")
    unknown = home.sections.get("what-we-dont-know")
    if unknown is None:
        return [*problems, "the home page has no 'What we don't know' section (#what-we-dont-know)"]
    for question in explainer.questions.values():
        if question.status != "answered":
            continue
        anchor = f"question-{question.id}"
        if any(href.endswith(f"#{anchor}") for href in unknown.hrefs):
            problems.append(f"{anchor} is answered, yet listed under 'What we don't know' on the home page")
        if f"{flat(question.question)} (Open)" in unknown.text:
            problems.append(f"{anchor} is answered, yet called open on the home page")
    return problems


RULES: tuple[Rule, ...] = (
    every_record_cites_a_known_source,
    every_source_is_listed,
    every_entry_is_on_the_timeline_with_its_sources,
    quotes_are_exact_and_paraphrases_labelled,
    statements_name_their_speaker,
    dates_are_never_finer_than_their_precision,
    questions_are_shown_and_answers_never_called_open,
)


def rule_problems(explainer: Explainer, site_dir: Path) -> list[str]:
    return [problem for rule in RULES for problem in rule(explainer, site_dir)]


def check_rules(content_dir: Path, site_dir: Path) -> list[str]:
    """Every editorial rule on ``content_dir`` and the site built from it: the problems, or []."""
    return rule_problems(build_explainer(content_dir), site_dir)


# --- The rules hold on the published content -------------------------------------------------------


@pytest.fixture(scope="module")
def explainer() -> Explainer:
    return build_explainer(CONTENT)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_the_published_content_keeps_the_rule(rule: Rule, explainer: Explainer, built_site: Path) -> None:
    assert rule(explainer, built_site) == []


@pytest.mark.parametrize("fixture", ["explainer", "explicador", "dated"])
def test_the_rules_hold_for_every_fixture_explainer(fixture: str, fixture_site: Any) -> None:
    """English and Spanish, every date precision and form: the rules are the site's, in any language."""
    site, _ = fixture_site(fixture)
    assert check_rules(FIXTURES / fixture, site) == []


# --- ...and after an honest update ---------------------------------------------------------------


def set_field(text: str, record_id: str, name: str, lines: list[str]) -> str:
    """A record file's text with field ``name`` of one record replaced by ``lines`` (YAML, indented
    as the record's fields), or added at the end of the record. Nothing else changes."""
    rows = text.splitlines(keepends=True)
    start_pattern = re.compile(rf"^(\s*)-\s+id:\s*['\"]?{re.escape(record_id)}['\"]?\s*(?:#.*)?$")
    start, indent = next(
        ((i, len(m.group(1))) for i, row in enumerate(rows) if (m := start_pattern.match(row.rstrip("\r\n")))),
        (None, 0),
    )
    assert start is not None, f"no '- id: {record_id}' line"

    def depth(row: str) -> int | None:
        return None if not row.strip() else len(row) - len(row.lstrip(" "))

    end = next((i for i in range(start + 1, len(rows)) if (d := depth(rows[i])) is not None and d <= indent), len(rows))
    field_indent = indent + 2
    new = [" " * field_indent + line + "\n" for line in lines]
    for i in range(start + 1, end):
        if rows[i].startswith(" " * field_indent + f"{name}:"):
            stop = next((j for j in range(i + 1, end) if (d := depth(rows[j])) is not None and d <= field_indent), end)
            return "".join(rows[:i] + new + rows[stop:])
    return "".join(rows[:end] + new + rows[end:])


def _edit_records(folder: Path, stem: str, record_id: str, fields: dict[str, list[str]]) -> None:
    path = folder / f"{stem}.yml"
    text = path.read_text(encoding="utf-8")
    for name, lines in fields.items():
        text = set_field(text, record_id, name, lines)
    path.write_text(text, encoding="utf-8")


def _free_entry(explainer: Explainer, table: dict[str, models.Event] | dict[str, models.Statement]) -> str:
    """An entry, preferably undated, that no ``after`` ties to another: a date cannot contradict its order."""
    ordered = {
        i for r in [*explainer.events.values(), *explainer.statements.values()] for i in [r.id, *r.after] if r.after
    }
    free = [record for record_id, record in table.items() if record_id not in ordered]
    ranked = sorted(free or list(table.values()), key=lambda record: record.when.precision != "unknown")
    return ranked[0].id


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """content/ after an honest update (a day found for an event, a month for a statement, a question
    answered), built: (content folder, site, ids of the records changed)."""
    explainer = build_explainer(CONTENT)
    content = tmp_path_factory.mktemp("updated") / "content"
    shutil.copytree(CONTENT, content)
    as_of = explainer.incident.as_of
    changed = {"event": _free_entry(explainer, explainer.events)}
    _edit_records(
        content,
        "events",
        changed["event"],
        {
            "when": [
                "when:",
                "  precision: day",
                f"  date: {as_of.isoformat()}",
                "  basis: A later report gives the day.",
            ]
        },
    )
    if explainer.statements:
        changed["statement"] = _free_entry(explainer, explainer.statements)
        month = f"{as_of:%Y-%m}"
        basis = "A later report gives the month, not the day."
        _edit_records(
            content,
            "statements",
            changed["statement"],
            {"when": ["when:", "  precision: month", f"  month: {month}", f"  basis: {basis}"]},
        )
    assert explainer.questions, "the update answers a question: content/ needs one"
    questions = list(explainer.questions.values())
    changed["question"] = next((q for q in questions if q.status == "open"), questions[0]).id
    _edit_records(
        content,
        "questions",
        changed["question"],
        {"status": ["status: answered"], "answer": ["answer: A later report settles it (a test update)."]},
    )
    project = make_project(content.parent / "project", content=content)
    result = run_explainer("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return content, project / "site", changed


def test_the_rules_survive_an_honest_update(updated: tuple[Path, Path, dict[str, str]]) -> None:
    content, site, changed = updated
    assert (content / "events.yml").read_text(encoding="utf-8").startswith("# yaml-language-server:")
    explainer = build_explainer(content)
    assert explainer.events[changed["event"]].when.precision == "day"
    if "statement" in changed:
        assert explainer.statements[changed["statement"]].when.precision == "month"
    assert explainer.questions[changed["question"]].status == "answered"
    assert check_rules(content, site) == []


def _list_under_unknown(site: Path, anchor: str) -> None:
    home = site / "index.html"
    text = home.read_text(encoding="utf-8")
    at = text.index("</h2>", text.index('id="what-we-dont-know"')) + len("</h2>")
    item = f'\n<ul><li><a href="questions/#{anchor}">It</a> (Open)</li></ul>'
    home.write_text(text[:at] + item + text[at:], encoding="utf-8")


def _file_under_open(site: Path, anchor: str) -> None:
    page = site / "questions" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert 'id="status-answered"' in text
    page.write_text(text.replace('id="status-answered"', 'id="status-open"'), encoding="utf-8")


def _show_finer_day(site: Path, anchor: str) -> None:
    kind, record_id = anchor.split("-", 1)
    month = build_explainer(CONTENT).incident.as_of.month
    page = _page_with(site, "timeline", anchor)
    name = month_names(build_explainer(CONTENT))[month - 1]
    _in_element(page, anchor, "li", lambda text: text + f"<p>Said on 3 {name}.</p>")


UPDATE_BREAKS = {
    "answered question listed under What we don't know": ("question", _list_under_unknown, "What we don't know"),
    "answered question filed under Open": ("question", _file_under_open, "listed under 'Open'"),
    "day shown for a date known to the month": ("statement", _show_finer_day, "finer than a month"),
}


@pytest.mark.parametrize("name", sorted(UPDATE_BREAKS))
def test_a_broken_rule_after_the_update_is_reported(
    name: str, updated: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    content, site, changed = updated
    kind, breaks, needle = UPDATE_BREAKS[name]
    if kind not in changed:
        pytest.skip(f"the update changed no {kind}")
    anchor = f"{kind}-{changed[kind]}"
    broken = copy_pages(site, tmp_path / "site")
    breaks(broken, anchor)
    problems = check_rules(content, broken)
    assert any(anchor in p and needle in p for p in problems), problems


# --- Each rule can fail --------------------------------------------------------------------------


def copy_pages(site: Path, target: Path) -> Path:
    """A copy of a built site's pages and figures (not its scripts and styles), to break."""
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("assets", "search", "*.gz"))
    return target


def _page_with(site: Path, stem: str, anchor: str) -> Path:
    return next(p for p in listing_pages(site, stem) if f'id="{anchor}"' in p.read_text(encoding="utf-8"))


def _text_pattern(text: str) -> str:
    """A pattern for ``text`` as it may be written in HTML: any character as itself or as a reference."""
    parts = []
    for char in flat(text):
        if char == " ":
            parts.append(r"\s+")
            continue
        forms = [re.escape(char), f"&#{ord(char)};", f"&#[xX]0*{ord(char):x};"]
        if ord(char) in codepoint2name:
            forms.append(f"&{codepoint2name[ord(char)]};")
        if char == "'":
            forms.append("&apos;")
        parts.append("(?:" + "|".join(forms) + ")")
    return "".join(parts)


def _in_section(page: Path, anchor: str, change: Callable[[str], str]) -> None:
    """Apply ``change`` to the HTML of one heading's section (up to the next ``<h2``)."""
    text = page.read_text(encoding="utf-8")
    start = text.index(f'id="{anchor}"')
    end = min(i for i in (text.find("<h2", start + 1), text.find("</article>", start)) if i != -1)
    section = change(text[start:end])
    assert section != text[start:end], f"nothing changed in #{anchor}"
    page.write_text(text[:start] + section + text[end:], encoding="utf-8")


def _in_element(page: Path, anchor: str, tag: str, change: Callable[[str], str]) -> None:
    text = page.read_text(encoding="utf-8")
    start = text.index(f'id="{anchor}"')
    end = text.index(f"</{tag}>", start)
    element = change(text[start:end])
    assert element != text[start:end], f"nothing changed in #{anchor}"
    page.write_text(text[:start] + element + text[end:], encoding="utf-8")


def _drop_statement_text(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    anchor = f"statement-{next(iter(explainer.statements))}"
    page = _page_with(site, "statements", anchor)
    _in_section(
        page, anchor, lambda html_text: re.sub(r"<blockquote>.*?</blockquote>", "", html_text, count=1, flags=re.S)
    )
    return explainer, (anchor, "text is not shown exactly")


def _drop_source_link(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    record = explainer.timeline[0].record
    anchor = f"{'event' if isinstance(record, models.Event) else 'statement'}-{record.id}"
    source_id = record.sources[0]
    page = _page_with(site, "timeline", anchor)
    _in_element(page, anchor, "li", lambda html_text: html_text.replace(f'#source-{source_id}"', '#nowhere"'))
    return explainer, (anchor, f"source '{source_id}'")


def _unname_speaker(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    statement = next(iter(explainer.statements.values()))
    anchor = f"statement-{statement.id}"
    name = _text_pattern(explainer.actors[statement.speaker].name)
    page = _page_with(site, "statements", anchor)
    _in_section(page, anchor, lambda html_text: re.sub(name, "Someone", html_text))
    return explainer, (anchor, "speaker", "statements page")


def _drop_publisher(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    source = next(iter(explainer.sources.values()))
    page = _page_with(site, "sources", f"source-{source.id}")
    _in_section(page, f"source-{source.id}", lambda html_text: re.sub(_text_pattern(source.publisher), "X", html_text))
    return explainer, (f"source '{source.id}'", "publisher")


def _drop_question(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    anchor = f"question-{next(iter(explainer.questions))}"
    page = site / "questions" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(f'id="{anchor}"', 'id="gone"'), encoding="utf-8")
    return explainer, (anchor, "not on the questions page")


def _wrong_marker(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    path = site / "figures" / "timeline.json"
    figure = json.loads(path.read_text(encoding="utf-8"))
    trace = figure["data"][0]
    anchor = trace["customdata"][0][0]
    kind, record_id = anchor.split("-", 1)
    record = (explainer.events if kind == "event" else explainer.statements)[record_id]
    trace["marker"]["symbol"][0] = "circle-open" if record.when.precision in ("day", "exact") else "circle"
    path.write_text(json.dumps(figure), encoding="utf-8")
    return explainer, (anchor, "marker")


def _undated(record: models.Event | models.Statement) -> models.Event | models.Statement:
    return record.model_copy(update={"when": models.UnknownDate(precision="unknown", basis="None given.")})


def _invented_axis(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    path = site / "figures" / "timeline.json"
    figure = json.loads(path.read_text(encoding="utf-8"))
    figure["layout"].setdefault("xaxis", {})["showticklabels"] = True
    path.write_text(json.dumps(figure), encoding="utf-8")
    changed = copy.copy(explainer)
    changed.events = {i: _undated(r) for i, r in explainer.events.items()}  # type: ignore[misc]
    changed.statements = {i: _undated(r) for i, r in explainer.statements.items()}  # type: ignore[misc]
    return changed, ("x axis",)


def _uncited_event(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    changed = copy.copy(explainer)
    event_id = next(iter(explainer.events))
    changed.events = {**explainer.events, event_id: explainer.events[event_id].model_copy(update={"sources": []})}
    return changed, (f"event '{event_id}'", "cites no source")


def _unknown_source(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    changed = copy.copy(explainer)
    statement = next(iter(explainer.statements.values()))
    sources = [*statement.sources, "no-such-source"]
    changed.statements = {**explainer.statements, statement.id: statement.model_copy(update={"sources": sources})}
    return changed, (f"statement '{statement.id}'", "'no-such-source', which is not a source record")


def _missing_basis(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    changed = copy.copy(explainer)
    event = next(iter(explainer.events.values()))
    when = models.UnknownDate.model_construct(precision="unknown", basis="", as_reported=None)
    changed.events = {**explainer.events, event.id: event.model_copy(update={"when": when})}
    return changed, (f"event-{event.id}", "without a basis")


def _unshown_answer(site: Path, explainer: Explainer) -> tuple[Explainer, tuple[str, ...]]:
    changed = copy.copy(explainer)
    question = next(iter(explainer.questions.values()))
    answered = question.model_copy(update={"status": "answered", "answer": "An answer no page shows."})
    changed.questions = {**explainer.questions, question.id: answered}
    return changed, (f"question-{question.id}", "its answer is not shown")


BREAKS = {
    "statement text removed from the statements page": _drop_statement_text,
    "source link removed from a timeline item": _drop_source_link,
    "speaker's name removed beside a statement": _unname_speaker,
    "publisher removed from the sources page": _drop_publisher,
    "question missing from the questions page": _drop_question,
    "marker drawn more precise than its date": _wrong_marker,
    "date axis with no calendar date": _invented_axis,
    "event citing no source": _uncited_event,
    "statement citing an id that is not a source": _unknown_source,
    "unknown date without a basis": _missing_basis,
    "answered question whose answer is not shown": _unshown_answer,
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_a_broken_rule_is_reported(name: str, explainer: Explainer, built_site: Path, tmp_path: Path) -> None:
    site = copy_pages(built_site, tmp_path / "site")
    changed, needles = BREAKS[name](site, explainer)
    problems = rule_problems(changed, site)
    assert any(all(needle in problem for needle in needles) for problem in problems), (needles, problems)
