"""The GitHub workflows call Makefile targets and scripts that exist, with the permissions Pages needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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


def test_pages_workflow_installs_only_what_publishing_needs_and_deploys() -> None:
    workflow = load("pages.yml")
    uses = [step.get("uses", "").split("@")[0] for step in steps(workflow)]
    assert uses[:3] == ["actions/checkout", "actions/setup-python", "actions/configure-pages"]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    runs = [step["run"].strip() for step in steps(workflow) if "run" in step]
    assert runs == [
        "python -m pip install --require-hashes --no-deps -r .github/requirements-publish.txt",
        "python -m pip install --no-deps --no-build-isolation .",
        "explainer build",
    ], "runtime dependencies by hash, then the generator: no test tools, no make (which installs them)"
    build_step = next(step for step in steps(workflow) if step.get("run", "").strip() == "explainer build")
    assert "SITE_URL" in build_step["env"], "the published address is given to the build"
    assert "SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    deploy = workflow["jobs"]["deploy"]["permissions"]
    assert deploy == {"pages": "write", "id-token": "write"}


def test_check_workflow_runs_the_ci_script_on_pull_requests() -> None:
    workflow = load("check.yml")
    assert "pull_request" in workflow["on"]
    assert any(step.get("run", "").strip() == "bash .ci/run" for step in steps(workflow))
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


ALL_WORKFLOWS = [*WORKFLOWS.glob("*.yml"), ROOT / "generator" / "starter" / ".github" / "workflows" / "pages.yml"]
PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
WRITES = {"contents", "pages", "id-token", "packages", "actions", "deployments", "issues", "pull-requests"}


def read(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {("on" if key is True else key): value for key, value in data.items()}


@pytest.mark.parametrize("path", ALL_WORKFLOWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_workflows_pin_actions_by_commit_with_least_permissions_and_time_limits(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip().startswith(("uses:", "- uses:")):
            reference, _, comment = line.split("uses:", 1)[1].strip().partition("#")
            assert PINNED.match(reference.strip()), f"{path.name}: {reference.strip()} is not pinned by commit"
            assert re.fullmatch(r"\s*v\d+(\.\d+)*\s*", comment), f"{path.name}: {line.strip()} names no version"
    workflow = read(path)
    assert workflow.get("permissions") in ({}, {"contents": "read"}), f"{path.name}: top-level permissions grant more"
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int) and job["timeout-minutes"] <= 60, f"{path.name} {name}"
        granted = job.get("permissions", {})
        assert set(granted) <= WRITES and all(v in ("read", "write") for v in granted.values()), f"{path.name} {name}"
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{path.name} {name}: token kept"


def test_the_publish_requirements_are_the_runtime_closure_pinned_with_hashes() -> None:
    from tests import lock_publish

    text = (ROOT / ".github" / "requirements-publish.txt").read_text(encoding="utf-8")
    entries = re.findall(r"^([a-z0-9-]+)==(\S+) \\\n((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", text, re.M)
    pinned = {name: version for name, version, _ in entries}
    assert all(hashes.count("--hash=sha256:") >= 1 for _, _, hashes in entries)
    constraints = lock_publish.pins()
    backend, backend_version = lock_publish.backend()
    assert set(pinned) == lock_publish.runtime_closure() | {backend}, "exactly the runtime closure and the backend"
    for name, version in pinned.items():
        assert constraints[name] == version, f"{name}: {version} here, {constraints[name]} in constraints.txt"
    assert pinned[backend] == backend_version
    assert not {"pytest", "playwright", "mypy", "ruff", "hypothesis"} & set(pinned), "no test tools"
