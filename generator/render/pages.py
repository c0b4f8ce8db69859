"""The Markdown pages of an explainer.

Each record lives at one place (its *home*): events on the timeline, statements, questions and
sources on their listing pages, actors on a page of their own. Every other page links to that
place, so no page embeds a list of every record and the site grows linearly with the content.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import dates, models
from ..link import KIND_NAMES, Explainer, TimelineEntry
from . import involvement, paging, structured, timeline
from .text import attribute, block, front_matter, href, inline, quote, url

NAV = (
    ("Home", "index.md"),
    ("Timeline", "timeline.md"),
    ("Statements", "statements.md"),
    ("Who's who", "actors/index.md"),
    ("Open questions", "questions.md"),
    ("Sources", "sources.md"),
    ("About", "about.md"),
)

HOME_QUESTIONS = 12
"""The home page lists this many unanswered questions and links to the rest."""

STATUS_LABELS = {"open": "Open", "partly_answered": "Partly answered", "answered": "Answered"}
SOURCE_KIND_LABELS = {
    "news_report": "News report",
    "official_statement": "Official statement",
    "social_media_post": "Social-media post",
    "press_briefing": "Press briefing",
    "document": "Document",
    "interview": "Interview",
    "other": "Other",
}
ACTOR_KIND_LABELS = {
    "person": "Person",
    "organisation": "Organisation",
    "government": "Government",
    "country": "Country",
    "group": "Group",
}


def actor_page(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def home_of(explainer: Explainer, record_id: str) -> tuple[str, str | None]:
    """The page and anchor where a record is shown in full."""
    kind = explainer.kind_of[record_id]
    if kind == "actors":
        return actor_page(record_id), None
    if kind == "questions":
        return "questions.md", f"question-{record_id}"
    stem = {"events": "timeline", "statements": "statements", "sources": "sources"}[kind]
    return paging.page_of(stem, explainer.position[record_id]), f"{KIND_NAMES[kind]}-{record_id}"


def timeline_home(explainer: Explainer, record_id: str) -> tuple[str, str]:
    """Where an event or statement is listed on the timeline."""
    number = explainer.entry_number[record_id]
    return paging.timeline_page(number), f"{KIND_NAMES[explainer.kind_of[record_id]]}-{record_id}"


def link_to(explainer: Explainer, page: str, record_id: str) -> str:
    target, anchor = home_of(explainer, record_id)
    return f"[{inline(explainer.label(record_id))}]({href(page, target, anchor)})"


def links(explainer: Explainer, page: str, record_ids: Iterable[str]) -> str:
    return ", ".join(link_to(explainer, page, record_id) for record_id in record_ids)


def sources_line(explainer: Explainer, page: str, source_ids: Iterable[str]) -> str:
    ids = list(source_ids)
    label = "Source" if len(ids) == 1 else "Sources"
    return f"{label}: {links(explainer, page, ids)}"


def date_line(explainer: Explainer, page: str, when: models.DateInfo, after: list[str] | None = None) -> str:
    """What is known of a date, at its precision, with the source's own words and the basis."""
    parts = [f"**When:** {inline(dates.describe(when))}"]
    if when.as_reported:
        parts.append(f"(reported as \u201c{inline(when.as_reported)}\u201d)")
    line = " ".join(parts) + "."
    if after:
        line += f" After: {links(explainer, page, after)}."
    if when.basis:
        line += f" *Basis:* {inline(when.basis)}"
    return line


# --- Pages ---------------------------------------------------------------------------------------


def page_start(
    title: str, description: str, intro: str | None = None, jsonld: Any = None, og_type: str = "website"
) -> list[str]:
    """Front matter, the page's heading and an optional introduction (our text, already Markdown)."""
    out = [front_matter(title, description, jsonld, og_type), f"# {inline(title)}\n"]
    if intro:
        out.append(intro + "\n")
    return out


def render_pages(explainer: Explainer) -> dict[str, str]:
    pages = {
        "index.md": home(explainer),
        "actors/index.md": actors_index(explainer),
        "questions.md": questions_page(explainer),
        "about.md": about_page(explainer),
    }
    listings = {
        "timeline": (timeline_page, explainer.timeline),
        "statements": (statements_page, list(explainer.statements.values())),
        "sources": (sources_page, list(explainer.sources.values())),
    }
    for stem, (render_page, items) in listings.items():
        chunks: list[list[Any]] = paging.split(items)  # type: ignore[arg-type]
        for number, chunk in enumerate(chunks, start=1):
            pages[paging.page_path(stem, number)] = render_page(explainer, chunk, number, len(chunks))  # type: ignore[operator]
    for actor_id in explainer.actors:
        pages[actor_page(actor_id)] = actor_detail(explainer, actor_id)
    return pages


def home(explainer: Explainer) -> str:
    page = "index.md"
    incident = explainer.incident
    out = page_start(
        incident.title,
        _first_sentence(incident.summary),
        block(incident.summary),
        jsonld=structured.article(explainer),
        og_type="article",
    )
    out.append(f"*Up to date as of {_as_of(explainer)}.*\n")
    out.append("## What we know {#what-we-know}\n")
    for fact in incident.key_facts:
        out.append(f"- {inline(fact.text)} \u2014 {sources_line(explainer, page, fact.sources)}")
    out.append("")
    out.append("## What we don't know {#what-we-dont-know}\n")
    unanswered = [q for q in explainer.questions.values() if q.status != "answered"]
    if unanswered:
        for question in unanswered[:HOME_QUESTIONS]:
            out.append(f"- {link_to(explainer, page, question.id)} ({STATUS_LABELS[question.status]})")
        if len(unanswered) > HOME_QUESTIONS:
            more = len(unanswered) - HOME_QUESTIONS
            out.append(f"- [{more} more on the Open questions page]({href(page, 'questions.md')})")
    else:
        out.append("No open questions are recorded.")
    out.append("")
    out.append("## Explore {#explore}\n")
    counts = {
        "timeline.md": (
            f"{len(explainer.events)} events and {len(explainer.statements)} statements"
            " in the order the sources support"
        ),
        "statements.md": f"{len(explainer.statements)} statements, verbatim or paraphrased, with their speakers",
        "actors/index.md": f"{len(explainer.actors)} people and organisations, grouped by side",
        "questions.md": f"{len(explainer.questions)} open questions and what would answer them",
        "sources.md": f"{len(explainer.sources)} sources and everything each one supports",
        "about.md": "how this explainer was made, sourcing rules and corrections",
    }
    for title, target in NAV[1:]:
        out.append(f"- [{title}]({href(page, target)}): {counts[target]}")
    return "\n".join(out) + "\n"


def _as_of(explainer: Explainer) -> str:
    as_of = models.DayDate(precision="day", date=explainer.incident.as_of)
    return inline(dates.describe(as_of))


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]


def _entry(explainer: Explainer, page: str, entry: TimelineEntry) -> list[str]:
    record = entry.record
    anchor = f"{KIND_NAMES[entry.kind]}-{record.id}"
    out = [f'<li id="{attribute(anchor)}" markdown="block">', ""]
    if isinstance(record, models.Event):
        out.append(f"**{inline(record.title)}** \u00b7 Event \u00b7 {_permalink(anchor)}")
        out.append("")
        out.append(date_line(explainer, page, record.when, record.after))
        out.append("")
        out.append(block(record.summary))
        out.append("")
        out.append(f"Actors: {links(explainer, page, record.actors)}.")
        if record.location:
            out.append(f"Where: {inline(record.location)}.")
    else:
        out.append(f"**{inline(record.title)}** \u00b7 Statement ({record.form}) \u00b7 {_permalink(anchor)}")
        out.append("")
        out.append(date_line(explainer, page, record.when, record.after))
        out.append("")
        out.append(f"{link_to(explainer, page, record.speaker)}: {_statement_excerpt(record)}")
        out.append("")
        out.append(f"[Full statement, context and response]({href(page, *home_of(explainer, record.id))}).")
    out.append("")
    out.append(sources_line(explainer, page, record.sources) + ".")
    out.append("")
    out.append("</li>")
    return out


def _permalink(anchor: str) -> str:
    return f"[Link to this entry](#{anchor}){{: .explainer-permalink }}"


def _statement_excerpt(statement: models.Statement) -> str:
    text = inline(statement.text)
    return f"\u201c{text}\u201d" if statement.form == "verbatim" else f"(paraphrase) {text}"


def timeline_page(explainer: Explainer, entries: list[TimelineEntry], number: int, pages: int) -> str:
    page = paging.page_path("timeline", number)
    placed = [e for e in entries if e.rank is not None]
    unplaced = [e for e in entries if e.rank is None]
    title = "Timeline" if number == 1 else f"Timeline, entries {entries[0].number}\u2013{entries[-1].number}"
    out = page_start(
        title,
        f"Events and statements of {explainer.incident.title}, in order, with sources.",
        inline(timeline.summary_sentence(explainer)),
        jsonld=structured.events(explainer, entries),
    )
    if number == 1:
        undated = sum(1 for e in explainer.timeline if dates.bounds(e.record.when) is None)
        if undated:
            out.append(
                f"{undated} of {len(explainer.timeline)} entries have no calendar date in the sources: they are "
                "placed only by the order the sources give and drawn hollow. Entries in the same column have no "
                "known order between them.\n"
            )
        out.append(timeline.chart_html(explainer))
        out.append("")
    else:
        out.append(f"The chart of every entry is on the [first page]({href(page, 'timeline.md')}).\n")
    pager = paging.pager("timeline", number, pages, "Entries")
    out.append("## In order {#in-order}\n")
    if pager:
        out.append(pager)
    if placed:
        out.append(f'<ol class="explainer-timeline" start="{placed[0].number}" markdown>')
        for entry in placed:
            out += _entry(explainer, page, entry)
        out.append("</ol>\n")
    elif not unplaced:
        out.append("No entry has a date or a reported order.\n")
    if unplaced:
        out.append("## Order not reported {#order-not-reported}\n")
        out.append("The sources give neither a date nor an order for these entries.\n")
        out.append(f'<ol class="explainer-timeline" start="{unplaced[0].number}" markdown>')
        for entry in unplaced:
            out += _entry(explainer, page, entry)
        out.append("</ol>\n")
    if pager:
        out.append(pager)
    return "\n".join(out)


def statements_page(explainer: Explainer, statements: list[models.Statement], number: int, pages: int) -> str:
    page = paging.page_path("statements", number)
    out = page_start(
        "Statements" if number == 1 else f"Statements, page {number}",
        f"Who said what about {explainer.incident.title}, verbatim or paraphrased, with sources.",
        "Each statement is marked **verbatim** (the speaker's exact words as published) or **paraphrase** "
        "(a source's report of what was said).",
        jsonld=structured.quotations(explainer, statements),
    )
    pager = paging.pager("statements", number, pages, "Statements")
    if pager:
        out.append(pager)
    for statement in statements:
        out.append(f"## {inline(statement.title)} {{#statement-{statement.id}}}\n")
        speaker = link_to(explainer, page, statement.speaker)
        medium = f", {inline(statement.medium)}" if statement.medium else ""
        out.append(f"**{speaker}**{medium} \u00b7 {statement.form.capitalize()}\n")
        out.append(quote(statement.text) + "\n")
        if statement.form == "paraphrase":
            out.append("*These are a source's words reporting the statement, not the speaker's own.*\n")
        if statement.context:
            out.append(f"**Context:** {block(statement.context)}\n")
        out.append(date_line(explainer, page, statement.when, statement.after) + "\n")
        if statement.responds_to:
            out.append(f"Responds to: {links(explainer, page, statement.responds_to)}.\n")
        if statement.id in explainer.responses:
            out.append(f"Responses: {links(explainer, page, explainer.responses[statement.id])}.\n")
        if statement.note:
            out.append(f"**Note:** {block(statement.note)}\n")
        if statement.id in explainer.questions_about:
            out.append(f"Open questions: {links(explainer, page, explainer.questions_about[statement.id])}.\n")
        out.append(
            f"See it [on the timeline]({href(page, *timeline_home(explainer, statement.id))}). "
            f"{sources_line(explainer, page, statement.sources)}.\n"
        )
    if pager:
        out.append(pager)
    return "\n".join(out)


def actors_index(explainer: Explainer) -> str:
    page = "actors/index.md"
    out = page_start(
        "Who's who",
        f"The people and organisations in {explainer.incident.title}, grouped by side.",
        "People and organisations named in the sources, grouped by the side they belong to.",
    )

    def tree(actor_id: str, depth: int) -> None:
        actor = explainer.actors[actor_id]
        role = f" \u2014 {inline(actor.role)}" if actor.role else ""
        out.append(f"{'    ' * depth}- {link_to(explainer, page, actor_id)}{role}")
        for member in explainer.members.get(actor_id, []):
            tree(member, depth + 1)

    for side in explainer.sides:
        out.append(f"## {inline(explainer.actors[side].name)} {{#side-{side}}}\n")
        tree(side, 0)
        out.append("")
    rows = involvement.involvements(explainer)
    if rows:
        out.append("## Who said and did what {#who-said-and-did-what}\n")
        out.append(involvement.chart_html(explainer))
        out.append(f'<ul id="{involvement.LIST_ANCHOR}" markdown>')
        for actor_id, entries in rows.items():
            parts = [
                f"[{entry.number}. {inline(entry.record.title)}]({href(page, *home_of_entry(entry))}) ({role})"
                for entry, role in entries
            ]
            out.append(f'<li markdown="block">{link_to(explainer, page, actor_id)}: {"; ".join(parts)}</li>')
        out.append("</ul>\n")
    return "\n".join(out)


def home_of_entry(entry: TimelineEntry) -> tuple[str, str]:
    """Where a timeline entry is listed: its item in the timeline's ordered list."""
    return paging.timeline_page(entry.number), f"{KIND_NAMES[entry.kind]}-{entry.record.id}"


def actor_detail(explainer: Explainer, actor_id: str) -> str:
    page = actor_page(actor_id)
    actor = explainer.actors[actor_id]
    description = f"{actor.name}: {actor.role}." if actor.role else f"{actor.name} in {explainer.incident.title}."
    out = page_start(actor.name, description, jsonld=structured.actor(explainer, actor_id))
    facts = [f"**Kind:** {ACTOR_KIND_LABELS[actor.kind]}"]
    if actor.role:
        facts.append(f"**Role:** {inline(actor.role)}")
    if actor.affiliation:
        facts.append(f"**Part of:** {link_to(explainer, page, actor.affiliation)}")
    side = explainer.side_of[actor_id]
    if side not in (actor_id, actor.affiliation):
        facts.append(f"**Side:** {link_to(explainer, page, side)}")
    out.append("  \n".join(facts) + "\n")
    if actor.description:
        out.append(block(actor.description) + "\n")
    out.append(sources_line(explainer, page, actor.sources) + ".\n")
    if explainer.members.get(actor_id):
        out.append("## Members {#members}\n")
        for member in explainer.members[actor_id]:
            out.append(f"- {link_to(explainer, page, member)}")
        out.append("")
    out.append("## Statements {#statements}\n")
    said = explainer.statements_by.get(actor_id, [])
    if said:
        for statement_id in said:
            statement = explainer.statements[statement_id]
            out.append(
                f"- {link_to(explainer, page, statement_id)} ({statement.form}): {_statement_excerpt(statement)}"
            )
    else:
        out.append("No statement by this actor is recorded.")
    out.append("")
    out.append("## Events {#events}\n")
    took_part = explainer.events_of.get(actor_id, [])
    if took_part:
        for event_id in took_part:
            when = dates.describe(explainer.events[event_id].when)
            out.append(f"- {link_to(explainer, page, event_id)} ({inline(when)})")
    else:
        out.append("No event involving this actor is recorded.")
    out.append("")
    if actor_id in explainer.questions_about:
        out.append("## Open questions {#questions}\n")
        for question_id in explainer.questions_about[actor_id]:
            out.append(f"- {link_to(explainer, page, question_id)}")
        out.append("")
    return "\n".join(out)


def questions_page(explainer: Explainer) -> str:
    page = "questions.md"
    out = page_start(
        "Open questions",
        f"What is not known about {explainer.incident.title}, and what would answer it.",
        "What the sources leave unknown, why it matters, and what would settle it.",
    )
    for status, label in STATUS_LABELS.items():
        questions = [q for q in explainer.questions.values() if q.status == status]
        if not questions:
            continue
        out.append(f"## {label} {{#status-{status.replace('_', '-')}}}\n")
        for question in questions:
            out.append(f"### {inline(question.question)} {{#question-{question.id}}}\n")
            out.append(f"**Status:** {label}\n")
            out.append(f"**Why it matters:** {block(question.why_it_matters)}\n")
            out.append(f"**What would answer it:** {block(question.what_would_answer)}\n")
            if question.answer:
                out.append(f"**What is known so far:** {block(question.answer)}\n")
            if question.related:
                out.append(f"Related: {links(explainer, page, question.related)}.\n")
            out.append(sources_line(explainer, page, question.sources) + ".\n")
    if not explainer.questions:
        out.append("No open questions are recorded.\n")
    return "\n".join(out)


def sources_page(explainer: Explainer, sources: list[models.Source], number: int, pages: int) -> str:
    page = paging.page_path("sources", number)
    out = page_start(
        "Sources" if number == 1 else f"Sources, page {number}",
        f"Every source cited in {explainer.incident.title} and what it supports.",
        "Every record on this site cites at least one of these sources. Addresses are given only where known.",
    )
    pager = paging.pager("sources", number, pages, "Sources")
    if pager:
        out.append(pager)
    for source in sources:
        out.append(f"## {inline(source.title)} {{#source-{source.id}}}\n")
        facts = [
            f"**Publisher:** {inline(source.publisher)}",
            f"**Kind:** {SOURCE_KIND_LABELS[source.kind]}",
            f"**Published:** {inline(dates.describe(source.published))}",
        ]
        if source.url:
            facts.append(f"**Address:** [{inline(source.url)}]({url(source.url)})")
        else:
            facts.append("**Address:** not known")
        if source.via:
            facts.append(f"**Reached us via:** {link_to(explainer, page, source.via)}")
        out.append("  \n".join(facts) + "\n")
        if source.published.basis:
            out.append(f"*Date basis:* {inline(source.published.basis)}\n")
        if source.access_note:
            out.append(f"**How it reached us:** {block(source.access_note)}\n")
        cited = explainer.cited_by.get(source.id, [])
        supports = (
            [f"- [Key facts on the home page]({href(page, 'index.md', 'what-we-know')})"] if "incident" in cited else []
        )
        by_kind: dict[str, list[str]] = {}
        for record_id in cited:
            if record_id != "incident":
                by_kind.setdefault(explainer.kind_of[record_id], []).append(record_id)
        for kind in ("events", "statements", "actors", "questions"):
            if kind in by_kind:
                noun = KIND_NAMES[kind] + ("s" if len(by_kind[kind]) > 1 else "")
                supports.append(f"- {noun.capitalize()}: {links(explainer, page, by_kind[kind])}")
        if supports:
            out.append("**Supports:**\n")
            out += supports
            out.append("")
        else:
            out.append("*No record cites this source yet.*\n")
    if pager:
        out.append(pager)
    return "\n".join(out)


def problems_page(problems: list[str]) -> str:
    """The page the live preview shows in place of every page while the content has mistakes."""
    out = page_start(
        "Content problems",
        "The explainer's records have mistakes; the preview shows the pages again once they are mended.",
        f"The records have {len(problems)} problem(s). Mend them in your editor: this page turns back "
        "into the explainer as soon as the content is valid.",
    )
    out += [f"- `{line}`" if "`" not in line else f"- {inline(line)}" for line in problems]
    return "\n".join(out) + "\n"


SOURCING_RULES = """\
- Every event, statement, actor and open question cites at least one source listed on the
  [Sources](sources.md) page.
- Quotations marked *verbatim* are the speaker's exact words as the source published them.
  Everything else is marked *paraphrase*: a source's report of what was said.
- Characterisations (for instance, calling something "record-breaking") are attributed to whoever
  made them; this site does not make them in its own voice.
- Nothing is added that the cited sources do not support: no date, number, name or address.
"""

DATE_RULES = """\
A date is shown exactly as precisely as the sources give it: a day and time, a day, a month, a
year, a range of days (an estimate, always with its basis), or *date not reported*. Where the
sources give no date, an entry is placed only by the order they report (for instance, "later"),
and drawn hollow on the timeline. Entries the sources neither date nor order are listed apart.
"""


def about_page(explainer: Explainer) -> str:
    incident = explainer.incident
    out = page_start(
        "About this explainer",
        f"How {incident.title} was made: method, sourcing rules and corrections.",
        f"Up to date as of {_as_of(explainer)}.",
    )
    out.append("## Method {#method}\n")
    out.append(block(incident.method) + "\n")
    out.append("## Sourcing rules {#sourcing-rules}\n")
    out.append(SOURCING_RULES)
    out.append("## How dates are shown {#dates}\n")
    out.append(DATE_RULES)
    out.append("## Corrections {#corrections}\n")
    out.append(block(incident.corrections) + "\n")
    return "\n".join(out)
