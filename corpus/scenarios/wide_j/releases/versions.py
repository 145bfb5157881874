"""Release helpers: comparing versions, picking the newest tag, bumping, and channel filters."""

from __future__ import annotations

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version


def is_newer(candidate: str, current: str) -> bool:
    return candidate > current


def newest(versions: list[str]) -> str:
    return max(versions)


def release_order(versions: list[str]) -> list[str]:
    return sorted(versions)


def bump(version: str, part: str) -> str:
    """bump('1.4.7', 'minor') -> '1.5.0'"""
    major, minor, patch = (int(p) for p in version.split("."))
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.{patch}"
    return f"{major}.{minor}.{patch + 1}"


def installable(versions: list[str], spec: str, channel: str = "stable") -> list[str]:
    """Versions matching `spec`; the beta channel also offers pre-releases."""
    return list(SpecifierSet(spec).filter(versions))


def latest_release(tags: list[str]) -> Version:
    """Newest version among git tags such as 'v2.3.0' or 'release-2.4.0' (other tags are ignored)."""
    versions = []
    for tag in tags:
        try:
            versions.append(Version(tag.removeprefix("v")))
        except InvalidVersion:
            continue
    return max(versions)
