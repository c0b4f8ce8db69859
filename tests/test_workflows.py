"""The GitHub workflows call Makefile targets and scripts that exist, with the permissions Pages needs."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z0-9_-]*):", text, re.M))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def load(name: str) -> dict:
    # YAML 1.1 reads the key `on` as True; keep it as text.
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return {("on" if key is True else key): value for key, value in data.items()}


def test_every_make_call_in_a_workflow_names_a_real_target() -> None:
    targets = make_targets()
    for path in WORKFLOWS.glob("*.yml"):
        for step in steps(load(path.name)):
            for target in re.findall(r"\bmake\s+([a-z][a-z0-9_-]*)", step.get("run", "")):
                assert target in targets, f"{path.name} calls make {target}, which the Makefile does not define"
            for script in re.findall(r"bash\s+(\S+)", step.get("run", "")):
                assert (ROOT / script).is_file(), f"{path.name} runs {script}, which does not exist"


def test_pages_workflow_builds_with_make_site_and_deploys() -> None:
    workflow = load("pages.yml")
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    uses = [step.get("uses", "").split("@")[0] for step in steps(workflow)]
    assert uses[:3] == ["actions/checkout", "actions/setup-python", "actions/configure-pages"]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    site_step = next(step for step in steps(workflow) if step.get("run", "").strip() == "make site")
    assert "SITE_URL" in site_step["env"], "the published address is given to the build"
    assert "SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_check_workflow_runs_the_ci_script_on_pull_requests() -> None:
    workflow = load("check.yml")
    assert "pull_request" in workflow["on"]
    assert any(step.get("run", "").strip() == "bash .ci/run" for step in steps(workflow))
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
