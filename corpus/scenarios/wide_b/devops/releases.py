"""Release tooling: picks the next version of each service and checks the deployed versions are compatible."""

from __future__ import annotations

import semver
from packaging.specifiers import SpecifierSet
from packaging.version import Version


def newest(tags: list[str]) -> str:
    return str(max(Version(t.lstrip("v")) for t in tags))


def satisfies(installed: str, requirement: str) -> bool:
    return Version(installed) in SpecifierSet(requirement)


def bump(current: str, change: str) -> str:
    v = semver.Version.parse(current)
    return str({"major": v.bump_major, "minor": v.bump_minor, "patch": v.bump_patch}[change]())


def is_upgrade(deployed: str, candidate: str) -> bool:
    return semver.Version.parse(candidate) > semver.Version.parse(deployed)
