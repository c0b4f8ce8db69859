"""The generator is a package others install: the wheel holds everything a build needs, and a
newsroom's own project, started from it, installs and publishes as its Pages workflow would.

From an empty folder, as a newcomer would: build the wheel and the source archive, install the
wheel into a new virtual environment (nothing from this repository on its path), ``explainer
init --from`` the wheel, write the starter's placeholders, then run the steps of the starter's
own Pages workflow (its install and build steps) in a second, fresh environment. The editor's
environment borrows its dependencies from the one running the tests: the runner's installs them
all, as a newsroom's would, and installing them twice would only time pip. Slow (environments
with their dependencies); pip's cache makes it quicker the second time.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pip
import pytest
import yaml

from generator import __version__
from tests.conftest import ROOT
from tests.test_editors import fill_placeholders

pytestmark = pytest.mark.slow  # two fresh environments with their dependencies

SCRIPT_HELPERS = ["geometry", "loader", "targets", "ticks", "view"]
"""The chart script's modules beside it (generator/theme/assets/javascripts/explainer/)."""


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False, env=env, timeout=900
    )
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and the source archive, built as a release builds them (``python -m build``)."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT, cwd=ROOT)
    return out


def fresh_venv(folder: Path) -> dict[str, str]:
    """A new virtual environment holding nothing but pip, as a CI runner's Python does (no site
    packages of this one), and the environment to run in it. Its pip is this environment's, named by
    a ``.pth`` line (a folder holding a link to pip alone): ensurepip, run for each new environment,
    would only add seconds."""
    packages = bare_venv(folder)
    pip_alone = folder / "pip-alone"
    pip_alone.mkdir()
    (pip_alone / "pip").symlink_to(Path(pip.__file__).parent, target_is_directory=True)
    (packages / "pip-alone.pth").write_text(f"{pip_alone}\n", encoding="utf-8")
    return environment_of(folder)


def bare_venv(folder: Path) -> Path:
    """A new virtual environment without even pip; its folder of packages."""
    run(sys.executable, "-m", "venv", "--without-pip", folder, cwd=folder.parent)
    python = folder / "bin" / "python"
    found = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=folder).stdout.strip()
    return Path(found)


def environment_of(folder: Path) -> dict[str, str]:
    """The environment variables to run commands in the virtual environment at ``folder``."""
    path = f"{folder / 'bin'}{os.pathsep}{os.environ['PATH']}"
    return {**{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}, "PATH": path,
            "VIRTUAL_ENV": str(folder)}  # fmt: skip


def test_the_wheel_holds_everything_a_build_needs(dist: Path) -> None:
    [wheel] = dist.glob("*.whl")
    assert wheel.name.startswith(f"incident_explainer-{__version__}-")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "generator/locales/en/LC_MESSAGES/explainer.po",
        "generator/locales/es/LC_MESSAGES/explainer.po",
        "generator/templates/timeline.md.j2",
        "generator/theme/main.html",
        "generator/theme/assets/javascripts/explainer.js",
        *(f"generator/theme/assets/javascripts/explainer/{name}.js" for name in SCRIPT_HELPERS),
        "generator/theme/assets/stylesheets/explainer.css",
        "generator/starter/content/incident.yml",
        "generator/starter/.github/workflows/pages.yml",
        "generator/starter/README.md",
        "generator/py.typed",
    ):
        assert needed in names, needed
    assert not any(name.startswith(("tests/", "content/")) for name in names), "no test or content file"
    metadata = zipfile.ZipFile(wheel).read(f"incident_explainer-{__version__}.dist-info/METADATA").decode()
    required = {re.split(r"[<>=!~; \[]", line.split(": ", 1)[1])[0].lower() for line in metadata.splitlines()
                if line.startswith("Requires-Dist:") and "extra ==" not in line}  # fmt: skip
    imported = {"mkdocs", "mkdocs-material", "markdown-it-py", "pyyaml", "plotly", "pydantic", "jinja2", "babel",
                "markupsafe", "idna", "pydantic-core", "pillow"}  # fmt: skip
    assert required == imported, "the runtime dependencies are exactly what generator/ needs"
    assert list(dist.glob("*.tar.gz")), "a source archive too"


def wheel_venv(folder: Path, wheel: Path) -> dict[str, str]:
    """A new virtual environment holding the wheel alone, its dependencies borrowed from this one (a
    ``.pth`` line naming this environment's packages, whose own ``.pth`` files, among them the
    repository's editable install, Python does not read from there); the environment to run in it."""
    packages = bare_venv(folder)
    (packages / "borrowed.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    python = folder / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel, cwd=folder.parent)
    return environment_of(folder)


def test_a_newsroom_starts_and_publishes_its_own_explainer_from_the_wheel(dist: Path, tmp_path: Path) -> None:
    [wheel] = dist.glob("*.whl")
    # The editor's machine: the generator from the wheel, in an environment of its own.
    editor = wheel_venv(tmp_path / "editor-env", wheel)
    found = run("python", "-c", "import generator; print(generator.__file__)", cwd=tmp_path, env=editor)
    assert Path(found.stdout.strip()).is_relative_to(tmp_path / "editor-env"), "the generator of the wheel"
    version = run("explainer", "--version", cwd=tmp_path, env=editor)
    assert version.stdout.strip() == f"explainer {__version__}"
    project = tmp_path / "harbour-strike"
    run("explainer", "init", project, "--title", "Harbour strike", "--licence", "CC BY 4.0", "--from", wheel,
        cwd=tmp_path, env=editor)  # fmt: skip
    assert (project / "vendor" / wheel.name).is_file()
    assert fill_placeholders(project) > 10
    run("explainer", "validate", cwd=project, env=editor)

    # The Pages workflow on a clean runner: its own install and build steps, in a new environment.
    workflow = yaml.safe_load((project / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"] if "run" in s]
    assert [s["run"] for s in steps] == ["python -m pip install -r requirements.txt", "explainer build"]
    runner = fresh_venv(tmp_path / "runner-env")
    for step in steps:
        env = {**runner, **{k: "https://newsroom.example/harbour-strike/" for k in step.get("env", {})}}
        run("bash", "-c", step["run"], cwd=project, env=env)
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Harbour strike" in home and "https://newsroom.example/harbour-strike/" in home
    assert (site / "assets" / "javascripts" / "explainer.js").is_file()
    assert all((site / "assets" / "javascripts" / "explainer" / f"{name}.js").is_file() for name in SCRIPT_HELPERS)
    assert not any(p.suffix in (".yml", ".whl") for p in site.rglob("*")), "no record or wheel is published"


def test_the_repositorys_publish_steps_install_by_hash_and_build(tmp_path: Path) -> None:
    """The Pages workflow's own steps in a fresh environment: runtime dependencies checked against
    their hashes, the generator without build isolation, then a build of the repository's content."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for step in workflow["jobs"]["build"]["steps"] if "run" in step]
    source = tmp_path / "checkout"  # a copy, so the install leaves nothing in the repository
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", "site", ".*cache*", "node_modules", ".git"))
    runner = fresh_venv(tmp_path / "runner-env")
    for command in runs:
        if command.startswith("explainer build"):
            command += f" --site-dir {tmp_path / 'site'}"
        run("bash", "-c", command, cwd=source, env={**runner, "SITE_URL": "https://newsroom.example/story/"})
    assert (tmp_path / "site" / "index.html").is_file()
