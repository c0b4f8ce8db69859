"""The explainer's language, said once in incident.yml: catalogs, Babel's dates, the site's settings.

The Spanish fixture explainer (``tests/fixtures/explicador``) is built as a site and read in
Chromium: every page is Spanish, passes axe, and words its dates and charts in Spanish.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import catalogs, i18n, models
from generator.i18n import Language, available
from generator.render import templating
from tests.browsers import settled
from tests.conftest import FIXTURES, make_project, run_explainer, site_pages
from tests.html_pages import visible_text
from tests.test_reader import SCREENS, WIDTHS, draw_charts, fit_problems, page_paths, with_axe

SPANISH = FIXTURES / "explicador"


def test_every_catalog_is_complete_and_in_step_with_the_messages() -> None:
    """Extracts the messages anew: a missing, untranslated or fuzzy entry in any catalog fails."""
    assert {"ar", "en", "es", "fr"} <= set(available())
    for report in catalogs.update(check=True):  # the generator's own
        assert not report.stale, f"{report.catalog}: out of step with the messages: run `make catalogs`"
        assert report.untranslated == [], f"{report.catalog}: untranslated: {report.untranslated[:5]}"
        assert report.fuzzy == [], f"{report.catalog}: fuzzy: {report.fuzzy[:5]}"


def test_the_check_notices_a_missing_translation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locales = tmp_path / "locales"
    for name in ("en", "es"):
        target = locales / name / "LC_MESSAGES"
        target.mkdir(parents=True)
        source = catalogs.i18n.catalog_path(name).read_text(encoding="utf-8")
        if name == "es":  # forget one translation, mark another fuzzy, leave one in English
            source = source.replace('msgstr "Cronología"', 'msgstr ""', 1)
            source = source.replace('\nmsgid "Reset view"', '\n#, fuzzy\nmsgid "Reset view"', 1)
            source = source.replace('msgstr "Preguntas abiertas"', 'msgstr "Open questions"', 1)
        (target / "explainer.po").write_text(source, encoding="utf-8")
    reports = {report.catalog: report for report in catalogs.update(check=True, folder=locales)}
    # "Actor" is flagged same-as-source in Spanish: the same word, rightly.
    assert sorted(reports["es"].untranslated) == ["Open questions", "Timeline"]
    assert reports["es"].fuzzy == ["Reset view"]
    assert reports["en"].untranslated == reports["en"].fuzzy == []


@pytest.mark.parametrize(
    ("tag", "when", "expected"),
    [
        ("es", models.DayDate(precision="day", date=dt.date(2026, 11, 28)), "28 de noviembre de 2026"),
        ("es", models.MonthDate(precision="month", month="2021-03"), "marzo de 2021, día no conocido"),
        ("es", models.YearDate(precision="year", year=2021), "2021, mes no conocido"),
        ("en-GB", models.DayDate(precision="day", date=dt.date(2026, 11, 28)), "28 November 2026"),
        ("en", models.DayDate(precision="day", date=dt.date(2026, 11, 28)), "November 28, 2026"),
        ("en", models.MonthDate(precision="month", month="2021-03"), "March 2021, day not known"),
        ("es", models.UnknownDate(precision="unknown", basis="x"), "Fecha no informada"),
    ],
)
def test_dates_are_worded_by_the_locale(tag: str, when: models.DateInfo, expected: str) -> None:
    assert Language.for_tag(tag).describe(when) == expected


def test_ranges_and_exact_moments_keep_their_precision_in_spanish() -> None:
    spanish = Language.for_tag("es")
    span = models.RangeDate(precision="range", earliest=dt.date(2021, 3, 23), latest=dt.date(2021, 3, 29), basis="x")
    assert spanish.describe(span) == "algún día entre el 23 de marzo de 2021 y el 29 de marzo de 2021"
    moment = dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-6)))
    exact = models.ExactDate(precision="exact", datetime=moment)
    assert spanish.describe(exact) == "14 de marzo de 2025, 9:30 UTC\u221206:00"  # an offset from UTC, not "GMT"


def test_plurals_and_numbers_follow_the_language() -> None:
    template = '{{ ngettext("%(num)s event", "%(num)s events", n, num=n|number) }}'
    for tag, n, expected in [("en", 1, "1 event"), ("en", 2, "2 events"), ("es", 1, "1 evento"),
                             ("es", 5000, "5.000 eventos"), ("en", 5000, "5,000 events")]:  # fmt: skip
        env = templating.environment(Language.for_tag(tag))
        assert html.unescape(env.from_string(template).render(n=n)) == expected  # Markdown-escaped


def test_arabic_has_its_six_plural_forms_and_french_its_own_typography() -> None:
    template = '{{ ngettext("%(num)s event", "%(num)s events", n, num=n|number) }}'
    arabic = templating.environment(Language.for_tag("ar"))
    forms = [html.unescape(arabic.from_string(template).render(n=n)) for n in (0, 1, 2, 5, 11, 100)]
    # The dual for 2, a plural for 3 to 10, the singular accusative for 11 to 99, the genitive after 100.
    assert forms == ["0 حدث", "1 حدث", "2 حدثان", "5 أحداث", "11 حدثًا", "100 حدث"], forms
    catalog = catalogs._read(catalogs.i18n.catalog_path("ar"), "ar")
    plurals = [message for message in catalog if message.id and isinstance(message.id, tuple)]
    assert plurals and all(len(message.string) == 6 and all(message.string) for message in plurals)
    assert Language.for_tag("ar").right_to_left and not Language.for_tag("fr").right_to_left
    french = Language.for_tag("fr")
    assert french.describe(models.DayDate(precision="day", date=dt.date(2026, 11, 28))) == "28 novembre 2026"
    assert french.gettext("Open questions") == "Questions en suspens"
    assert french.gettext("Source: %(links)s") == "Source\u00a0: %(links)s"  # a space before the colon


def test_a_projects_catalog_overrides_the_generators_words_and_falls_back_to_them(tmp_path: Path) -> None:
    """A newsroom writing in Arabic calls the timeline otherwise: its locales/ar/ says so; every message it
    leaves out keeps the generator's Arabic."""
    target = tmp_path / "locales" / "ar" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "explainer.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Timeline"\nmsgstr "الخط الزمني"\n\nmsgid "Open questions"\nmsgstr ""\n',
        encoding="utf-8",
    )
    packaged = Language.for_tag("ar").gettext("Open questions")
    try:
        i18n.use_project(tmp_path)
        arabic = Language.for_tag("ar")
        assert arabic.gettext("Timeline") == "الخط الزمني"
        assert arabic.gettext("Open questions") == packaged != "Open questions"
    finally:
        i18n.use_project(tmp_path / "nowhere")
    assert Language.for_tag("ar").gettext("Timeline") == "التسلسل الزمني"


def test_a_language_without_a_catalog_is_a_clear_error(fixture_copy: Path) -> None:
    incident = fixture_copy / "incident.yml"
    incident.write_text(incident.read_text(encoding="utf-8").replace("language: en", "language: de"), "utf-8")
    result = run_explainer("validate", str(fixture_copy))
    assert result.returncode == 1
    line = next(n for n, text in enumerate(incident.read_text().splitlines(), 1) if text.startswith("language:"))
    assert re.search(
        rf"incident\.yml:{line}:11: 'language': no message catalog for language 'de';"
        " catalogs available: ar, en, es, fr",
        result.stderr,
    ), result.stderr


@pytest.fixture(scope="module")
def spanish_site(fixture_site: Any) -> Path:
    return Path(fixture_site("explicador")[0])


def test_the_spanish_site_says_its_language_everywhere(spanish_site: Path) -> None:
    home = (spanish_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in home
    assert '<meta property="og:locale" content="es">' in home
    jsonld = json.loads(home.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert jsonld["inLanguage"] == "es"
    search = json.loads((spanish_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert search["config"]["lang"] == ["es"]
    # The site's name and description come from incident.yml, not mkdocs.yml.
    assert "<title>Incidente de prueba en el puerto de Ejemplo</title>" in home
    assert "Test explainer" not in home
    for built in site_pages(spanish_site):
        text = built.read_text(encoding="utf-8")
        assert '<html lang="es"' in text, built
        embed = "md-typeset explainer-embed" in text  # an embedded chart has no palette toggle
        assert "Switch to dark mode" not in text and ("Cambiar a modo oscuro" in text or embed), built


def test_the_spanish_pages_have_no_english_words_of_ours(spanish_site: Path) -> None:
    english = re.compile(
        r"\b(Timeline|Statements|Sources|Who's who|Open questions|When|Basis|Source|Event|Statement|Actors"
        r"|Date not reported|Link to this entry|day not known|page \d+ of)\b"
    )
    for name in ["", "timeline/", "statements/", "actors/", "questions/", "sources/", "about/"]:
        text = visible_text(spanish_site / name / "index.html")
        assert not english.search(text), (name, english.search(text))
    timeline = visible_text(spanish_site / "timeline" / "index.html")
    assert "14 de marzo de 2025" in timeline and "marzo de 2025, día no conocido" in timeline


def test_theme_language_in_mkdocs_yml_must_agree(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", content=SPANISH)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  name: material\n", "  name: material\n  language: en\n"), encoding="utf-8")
    result = run_explainer("build", cwd=project)
    assert result.returncode == 1
    assert "mkdocs.yml sets theme.language to 'en'" in result.stderr
    assert "incident.yml is 'es'" in result.stderr
    assert not (project / "site").exists()


@pytest.fixture(scope="module")
def spanish_url(fixture_site: Any) -> str:
    return str(fixture_site("explicador")[1])


@pytest.fixture
def spanish_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    yield context.new_page()
    context.close()


OTHER_WAY = [(width, "dark" if scheme == "light" else "light") for width, scheme in SCREENS]
"""Each width in the palette the English pages are not visited in at that width."""


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme"), OTHER_WAY)
def test_every_spanish_page_is_spanish_fits_the_screen_and_passes_axe(
    width: str, scheme: str, spanish_site: Path, spanish_url: str, browser: Any
) -> None:
    """The other way round from the English pages (test_reader.py): a desktop reader in the dark, a
    phone reader in the light."""
    w, h = WIDTHS[width]
    context = with_axe(browser.new_context(color_scheme=scheme, viewport={"width": w, "height": h}))
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    for path in page_paths(spanish_site):
        page.goto(spanish_url + path)
        settled(page)
        draw_charts(page)
        if page.evaluate("document.documentElement.lang") != "es":
            problems.append(f"/{path}: lang is not es")
        problems += [f"/{path}: {problem}" for problem in fit_problems(page, w)]
        violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
        problems += [f"/{path}: axe {v}" for v in violations]
    context.close()
    assert problems == []


@pytest.mark.browser
def test_the_spanish_chart_speaks_spanish(spanish_url: str, spanish_page: Any) -> None:
    page = spanish_page
    page.goto(spanish_url + "timeline/")
    draw_charts(page)
    toolbar = page.locator("#timeline-chart .explainer-chart__toolbar")
    assert toolbar.get_attribute("aria-label") == "Controles del gráfico"
    assert page.locator("#timeline-chart .explainer-chart__reset").inner_text() == "Restablecer la vista"
    assert page.locator("#timeline-chart .explainer-chart__lane").first.get_attribute("title") == (
        "Mostrar u ocultar este carril"
    )
    labels = page.locator("#timeline-chart .explainer-chart__point").evaluate_all(
        "links => links.map(a => a.getAttribute('aria-label'))"
    )
    assert labels and all("Evento" in label or "Declaración" in label for label in labels), labels
    page.locator("#timeline-chart .explainer-chart__point").first.focus()
    page.wait_for_function(
        "document.querySelector('#timeline-chart .explainer-chart__label').textContent.includes('Fuente')"
    )
    hover = page.locator("#timeline-chart .explainer-chart__label").text_content() or ""
    assert "Source" not in hover
    axis = page.locator("#timeline-chart .xtitle").text_content()
    assert axis == "Fecha y hora (UTC\u221206:00)"  # the fixture has times of day: the clock they are read on
    ticks = page.locator("#timeline-chart .xtick text").all_text_contents()
    assert ticks and all(
        re.fullmatch(r"\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)(\d{4})?", t) for t in ticks
    ), ticks


def test_a_project_adds_its_own_language_without_touching_the_package(tmp_path: Path) -> None:
    """A newsroom writing in German: explainer catalogs --init de starts locales/de/ in the project,
    its translations come first, and what it leaves untranslated shows the generator's words."""
    project = make_project(tmp_path / "project")
    package = sorted(p.name for p in catalogs.i18n.LOCALES_DIR.iterdir())
    started = run_explainer("catalogs", "--init", "de", cwd=project)
    assert started.returncode == 0, started.stderr
    german = project / "locales" / "de" / "LC_MESSAGES" / "explainer.po"
    assert german.is_file() and sorted(p.name for p in catalogs.i18n.LOCALES_DIR.iterdir()) == package
    text = german.read_text(encoding="utf-8")
    text = text.replace('msgid "Timeline"\nmsgstr ""', 'msgid "Timeline"\nmsgstr "Zeitleiste"', 1)
    german.write_text(text, encoding="utf-8")
    incident = project / "content" / "incident.yml"
    incident.write_text(incident.read_text(encoding="utf-8").replace("language: en", "language: de"), "utf-8")
    built = run_explainer("build", cwd=project)
    assert built.returncode == 0, built.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in home and "Zeitleiste" in home
    assert "Who's who" in home, "an untranslated message shows the English"
    check = run_explainer("catalogs", "--check", cwd=project)
    assert check.returncode == 1 and "de:" in check.stderr and "untranslated" in check.stderr
