"""The live preview: an edited record shows up, a broken one is reported without stopping the server."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import free_port, make_project, run_explainer

pytestmark = pytest.mark.slow  # each test starts live previews in new interpreters and waits for their rebuilds


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(condition: Callable[[], bool], seconds: float) -> float:
    """Poll until the condition holds; returns how long it took (fails after ``seconds``)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"not true within {seconds} s")


def test_serve_rebuilds_on_edit_and_survives_broken_content(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    port = free_port()
    temporary = tmp_path / "tmp"  # where the preview keeps the site it serves, while it runs
    temporary.mkdir()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--port", str(port)],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/"
    events = project / "content" / "events.yml"
    original = events.read_text(encoding="utf-8")
    try:
        wait_for(lambda: "The bridge is closed" in fetch(base + "timeline/"), 60)

        events.write_text(original.replace("title: The bridge is closed", "title: The bridge is shut"), "utf-8")
        took = wait_for(lambda: "The bridge is shut" in fetch(base + "timeline/"), 15)
        print(f"edit served after {took:.1f} s")

        events.write_text(original + "- id: half-written\n", encoding="utf-8")
        wait_for(lambda: "Content problems" in fetch(base + "timeline/"), 15)
        page = fetch(base + "timeline/")
        line = len(original.splitlines()) + 1  # the appended record's
        assert f"content/events.yml:{line}:3: missing required field" in page
        assert server.poll() is None, "the server keeps running"

        events.write_text(original, encoding="utf-8")
        wait_for(lambda: "The bridge is closed" in fetch(base + "timeline/"), 15)
        assert list(temporary.iterdir()), "the preview's site"
    finally:
        server.terminate()  # as a service manager stops it: SIGTERM
        output, _ = server.communicate(timeout=20)
    assert "missing required field 'actors'" in output, "the problem is reported in the terminal too"
    assert "Traceback" not in output
    assert server.returncode == 0 and list(temporary.iterdir()) == [], "stopped, it removed its temporary site"


def test_serve_previews_every_language_or_one_and_refuses_a_language_it_does_not_have(tmp_path: Path) -> None:
    from tests.test_translations import SPANISH, translated_copy

    project = make_project(tmp_path / "project", translated_copy(tmp_path / "source", SPANISH))
    wrong = run_explainer("serve", "--language", "fr", cwd=project)
    assert wrong.returncode == 2
    assert "--language fr: not one of the translations in incident.yml (es)" in wrong.stderr
    outputs, title = [], "El puente se cierra"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    for asked in ([], ["--language", "es"]):
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", "--port", str(port), *asked],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)},
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}/"
        spanish = base if asked else base + "es/"  # one language at the root, or each where it is published
        events = project / "content" / "es" / "events.yml"
        try:
            wait_for(lambda at=spanish, words=title: words in fetch(at + "timeline/"), 60)
            assert '<html lang="es"' in fetch(spanish + "timeline/")
            if not asked:
                assert '<html lang="en"' in fetch(base + "timeline/")
                # Editing the translation rebuilds the preview.
                events.write_text(events.read_text(encoding="utf-8").replace(title, "Cierran el puente"), "utf-8")
                title = "Cierran el puente"
                wait_for(lambda at=spanish: "Cierran el puente" in fetch(at + "timeline/"), 30)
        finally:
            server.terminate()
            outputs.append(server.communicate(timeout=20)[0])
        assert list(temporary.iterdir()) == [], "stopped, the preview removed its temporary sites"
    assert all("Traceback" not in output for output in outputs)
