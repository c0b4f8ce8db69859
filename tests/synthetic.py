"""A synthetic explainer of any size, for benchmarks and scale tests (deterministic for a seed).

``write_explainer(folder, events=N)`` writes N events with N/10 actors, N/2 statements, N/4 sources
and N/20 questions: realistic text lengths, a mix of date precisions (a third undated, ordered by
``after`` where it can be), and cross-references between everything.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

_VOCABULARY = """
the a of and to in on for with by officials ministry government border flight report statement
said migrants airport agreement council security department agency press secretary plan
operation talks meeting decision confirmed denied announced later earlier week night region
capital court judge vote election party coalition mayor police protest strike harbour union
"""
WORDS = _VOCABULARY.split()


def _text(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return (" ".join(words).capitalize() + ".").replace(" .", ".")


def _when(rng: random.Random, day: dt.date) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.35:
        return {"precision": "day", "date": day.isoformat()}
    if roll < 0.45:
        return {"precision": "exact", "datetime": f"{day.isoformat()}T{rng.randint(0, 23):02d}:30:00+00:00"}
    if roll < 0.55:
        return {"precision": "month", "month": day.strftime("%Y-%m")}
    if roll < 0.67:
        end = day + dt.timedelta(days=rng.randint(1, 9))
        basis = _text(rng, 6, 14)
        return {"precision": "range", "earliest": day.isoformat(), "latest": end.isoformat(), "basis": basis}
    reported = rng.choice(["later", "earlier", "that night"])
    return {"precision": "unknown", "basis": _text(rng, 6, 14), "as_reported": reported}


def build(events: int, seed: int = 1) -> dict[str, Any]:
    """The records of a synthetic explainer, as plain data."""
    rng = random.Random(seed)
    n_actors, n_statements = max(2, events // 10), max(1, events // 2)
    n_sources, n_questions = max(1, events // 4), max(1, events // 20)
    sources = [
        {"id": f"source-{i}", "title": _text(rng, 5, 12), "publisher": _text(rng, 1, 3), "kind": "news_report",
         "published": {"precision": "unknown", "basis": _text(rng, 5, 10)}}
        for i in range(n_sources)
    ]  # fmt: skip
    sides = max(2, min(6, n_actors // 10))
    actors = [
        {"id": f"side-{i}", "name": _text(rng, 1, 3), "kind": "country", "sources": ["source-0"]} for i in range(sides)
    ]
    for i in range(sides, n_actors):
        actors.append({
            "id": f"actor-{i}", "name": _text(rng, 2, 4), "kind": rng.choice(["person", "organisation", "group"]),
            "role": _text(rng, 2, 5), "affiliation": f"side-{rng.randrange(sides)}",
            "description": _text(rng, 15, 40), "sources": [f"source-{rng.randrange(n_sources)}"],
        })  # fmt: skip
    start = dt.date(2024, 1, 1)
    event_records, undated = [], []
    for i in range(events):
        when = _when(rng, start + dt.timedelta(days=i * 365 // max(events, 1)))
        record: dict[str, Any] = {
            "id": f"event-{i}", "title": _text(rng, 5, 12), "summary": _text(rng, 30, 90),
            "actors": sorted({actors[rng.randrange(len(actors))]["id"] for _ in range(rng.randint(1, 3))}),
            "when": when, "sources": sorted({f"source-{rng.randrange(n_sources)}" for _ in range(rng.randint(1, 3))}),
        }  # fmt: skip
        if when["precision"] == "unknown" and undated and rng.random() < 0.6:
            record["after"] = [undated[-1]]
        if when["precision"] == "unknown":
            undated.append(record["id"])
        event_records.append(record)
    statements = []
    for i in range(n_statements):
        target = event_records[rng.randrange(events)]
        statements.append({
            "id": f"statement-{i}", "title": _text(rng, 5, 12), "speaker": actors[rng.randrange(len(actors))]["id"],
            "form": rng.choice(["verbatim", "paraphrase"]), "text": _text(rng, 20, 80),
            "when": {"precision": "unknown", "basis": _text(rng, 5, 10)}, "after": [target["id"]]
            if target["when"]["precision"] == "unknown" else [],
            "responds_to": [target["id"]], "sources": [f"source-{rng.randrange(n_sources)}"],
        })  # fmt: skip
    questions = [
        {"id": f"question-{i}", "question": _text(rng, 6, 14).rstrip(".") + "?", "why_it_matters": _text(rng, 15, 40),
         "what_would_answer": _text(rng, 10, 25), "status": "open",
         "related": [f"event-{rng.randrange(events)}"], "sources": [f"source-{rng.randrange(n_sources)}"]}
        for i in range(n_questions)
    ]  # fmt: skip
    incident = {
        "title": f"Synthetic explainer with {events} events", "summary": _text(rng, 40, 80), "as_of": "2025-01-01",
        "language": "en", "key_facts": [{"text": _text(rng, 10, 20), "sources": ["source-0"]}],
        "method": _text(rng, 20, 40), "corrections": _text(rng, 10, 20), "licence": {"name": "CC0 1.0"},
    }  # fmt: skip
    return {"incident.yml": incident, "sources.yml": sources, "actors.yml": actors, "events.yml": event_records,
            "statements.yml": statements, "questions.yml": questions}  # fmt: skip


def write_explainer(folder: Path, events: int, seed: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in build(events, seed).items():
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), "utf-8")
    return folder
