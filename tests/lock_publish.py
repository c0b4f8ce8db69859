"""Write .github/requirements-publish.txt: what the Pages workflow installs to publish, and nothing
more: the generator's runtime dependencies (no test tools) and the build backend, each at the
version constraints.txt pins, with the sha256 of every file PyPI has for it (pip then installs
with --require-hashes, so a changed file on the index fails the publish instead of running).

Run ``make lock`` after changing constraints.txt (it asks PyPI for the hashes; the build does not).
"""

from __future__ import annotations

import json
import re
import sys
import urllib.request
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".github" / "requirements-publish.txt"
HEADER = """\
# What the Pages workflow installs to publish: runtime dependencies and the build backend only, each
# pinned and checked against its hashes (pip install --require-hashes). Written by `make lock`
# from constraints.txt; do not edit by hand.
"""


def pins() -> dict[str, str]:
    """Package (canonical name) -> the version constraints.txt pins."""
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)$", line.strip())
        if match:
            found[canonicalize_name(match[1])] = match[2]
    return found


def backend() -> tuple[str, str]:
    """The build backend pyproject.toml pins: (name, version)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'requires = \["([A-Za-z0-9_.-]+)==([^"]+)"\]', text)
    if not match:
        raise SystemExit('pyproject.toml\'s [build-system] requires must pin one package: requires = ["name==x"]')
    return canonicalize_name(match[1]), match[2]


def runtime_closure(project: str = "incident-explainer") -> set[str]:
    """The project's runtime dependencies and theirs, as installed here (extras left out)."""
    seen: set[str] = set()
    todo = [project]
    while todo:
        name = todo.pop()
        try:
            requires = distribution(name).requires or []
        except PackageNotFoundError as error:
            raise SystemExit(f"{name} is not installed here: run make first") from error
        for line in requires:
            requirement = Requirement(line)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            key = canonicalize_name(requirement.name)
            if key not in seen:
                seen.add(key)
                todo.append(key)
    return seen


def hashes(name: str, version: str) -> list[str]:
    """The sha256 of every file PyPI has for one release of a package."""
    with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=60) as response:
        files = json.load(response)["releases"].get(version) or []
    if not files:
        raise SystemExit(f"PyPI has no files for {name} {version}")
    return sorted(f["digests"]["sha256"] for f in files)


def main() -> int:
    pinned = pins()
    names = runtime_closure()
    missing = sorted(n for n in names if n not in pinned)
    if missing:
        raise SystemExit(f"constraints.txt pins no version of {', '.join(missing)}")
    wanted = {name: pinned[name] for name in names}
    name, version = backend()
    wanted[name] = version
    lines = [HEADER]
    for package in sorted(wanted):
        found = hashes(package, wanted[package])
        lines.append(
            f"{package}=={wanted[package]} \\\n" + " \\\n".join(f"    --hash=sha256:{h}" for h in found) + "\n"
        )
        print(f"{package}=={wanted[package]}: {len(found)} file(s)", file=sys.stderr)
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(wanted)} packages)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
