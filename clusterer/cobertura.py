"""Read line/branch coverage from a Cobertura XML (coverage.py ``coverage xml``, pytest-cov, JaCoCo converters).

Parsed with defusedxml: a coverage file from CI is untrusted input.
"""

from __future__ import annotations

import os
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from .analysis_schema import CoverageFile, CoverageSummary
from .errors import InputError

#: Largest coverage file accepted (a Cobertura XML of a very large project is a few tens of MB).
MAX_COVERAGE_BYTES = 256 * 1024 * 1024


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``"1-3, 7"``.

    >>> _ranges([1, 2, 3, 7, 9, 10])
    '1-3, 7, 9-10'
    """
    out: list[str] = []
    start = prev = None
    for n in sorted(numbers):
        if start is None:
            start = prev = n
        elif n == prev + 1:  # type: ignore[operator]
            prev = n
        else:
            out.append(f"{start}-{prev}" if start != prev else str(start))
            start = prev = n
    if start is not None:
        out.append(f"{start}-{prev}" if start != prev else str(start))
    return ", ".join(out)


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 2) if den else None


def read_cobertura(path: str | os.PathLike[str]) -> CoverageSummary:
    """Summarise a Cobertura XML file.

    Line and branch totals are counted from the ``<line>`` elements (``hits`` and ``condition-coverage``), so
    they stay right when the root attributes are missing; files with gaps list their missed lines.

    Parameters
    ----------
    path:
        The Cobertura XML file.

    Returns
    -------
    CoverageSummary

    Raises
    ------
    InputError
        Missing, too large, malformed, or not a Cobertura file.
    """
    source = os.fspath(path)
    file = Path(source)
    if not file.is_file():
        raise InputError(source, "no such coverage file", kind="unreadable")
    if file.stat().st_size > MAX_COVERAGE_BYTES:
        raise InputError(source, "coverage file is too large", kind="too_large")
    try:
        root = ElementTree.parse(source).getroot()
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise InputError(source, f"not a valid coverage XML ({exc})", kind="malformed") from None
    if root.tag != "coverage":
        raise InputError(source, f"not a Cobertura coverage XML (root element <{root.tag}>)", kind="shape")

    per_file: dict[str, dict[int, tuple[bool, int, int]]] = {}
    methods_total = methods_hit = 0
    for cls in root.iter("class"):
        name = cls.get("filename") or cls.get("name") or "?"
        lines = per_file.setdefault(name, {})
        for method in cls.iterfind("methods/method"):
            methods_total += 1
            if any(_int(ln.get("hits")) > 0 for ln in method.iterfind("lines/line")):
                methods_hit += 1
        for line in cls.iterfind("lines/line"):
            number = _int(line.get("number"))
            hit = _int(line.get("hits")) > 0
            b_cov, b_all = _branches(line.get("condition-coverage")) if line.get("branch") == "true" else (0, 0)
            old = lines.get(number)
            if old is None:
                lines[number] = (hit, b_cov, b_all)
            else:  # the same file in several classes (Java inner classes): merge
                lines[number] = (old[0] or hit, max(old[1], b_cov), max(old[2], b_all))

    lines_valid = lines_covered = branches_valid = branches_covered = 0
    gaps: list[CoverageFile] = []
    for name, lines in per_file.items():
        valid = len(lines)
        covered = sum(1 for hit, _, _ in lines.values() if hit)
        b_all = sum(b for _, _, b in lines.values())
        b_cov = sum(b for _, b, _ in lines.values())
        lines_valid += valid
        lines_covered += covered
        branches_valid += b_all
        branches_covered += b_cov
        if covered < valid:
            missed = [n for n, (hit, _, _) in lines.items() if not hit]
            gaps.append(
                CoverageFile(
                    filename=name,
                    line_rate=_pct(covered, valid) or 0.0,
                    branch_rate=_pct(b_cov, b_all),
                    lines_valid=valid,
                    lines_missed=len(missed),
                    missing=_ranges(missed),
                )
            )
    gaps.sort(key=lambda g: (-g.lines_missed, g.filename))
    return CoverageSummary(
        source=source,
        line_rate=_pct(lines_covered, lines_valid) or 0.0,
        branch_rate=_pct(branches_covered, branches_valid),
        function_rate=_pct(methods_hit, methods_total),
        lines_valid=lines_valid,
        lines_covered=lines_covered,
        branches_valid=branches_valid,
        branches_covered=branches_covered,
        files=len(per_file),
        files_with_gaps=gaps,
        excluded_lines=None,
    )


def _branches(condition: str | None) -> tuple[int, int]:
    """``"50% (1/2)"`` -> ``(1, 2)``.

    >>> _branches("50% (1/2)"), _branches(None), _branches("100%")
    ((1, 2), (0, 0), (0, 0))
    """
    if not condition or "(" not in condition or "/" not in condition:
        return 0, 0
    inner = condition.split("(", 1)[1].rstrip(")")
    covered, _, total = inner.partition("/")
    return _int(covered.strip()), _int(total.strip())
