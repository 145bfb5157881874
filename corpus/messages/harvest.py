#!/usr/bin/env python3
"""Build library-messages.jsonl from the hand-read entries in entries/*.py.

Each entry names a library, a file relative to that library's site-packages
(or the stdlib dir), and a `needle`: a verbatim piece of the source line that
holds the message literal.  This script locates the needle to fill in the
`source` line number, reads the installed version from the dist-info, and
checks that the literal text of the needle (format placeholders removed)
really occurs in the message, so that a message cannot drift away from the
source it cites.
"""

import glob
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11"
STDLIB_VERSION = "3.11.7"
V = "/work/venvs/%s/lib/python3*/site-packages"
# pseudo-venv for programs installed by the OS package manager (e.g. the PostgreSQL server binary): the entry's
# path is absolute, its dist is the Debian package name and its version is the package's dpkg version
SYSTEM = "system"

# library -> (venv the source was read from, PyPI dist); dist None = stdlib
LIBS = {}


def lib(name, venv, dist):
    LIBS[name] = (venv, dist)


def site(venv):
    if venv == "stdlib":
        return STDLIB
    if venv == SYSTEM:
        return "/"
    if venv == "main":
        return glob.glob("/work/main/.venv/lib/python3*/site-packages")[0]
    return glob.glob(V % venv)[0]


def available(venv):
    """Whether the virtualenv (or the stdlib) a library was read from is on this machine."""
    if venv in ("stdlib", "main"):
        return True
    if venv == SYSTEM:
        return True  # each entry's absolute path is checked when it is read
    return bool(glob.glob(V % venv))


def version(venv, dist):
    if dist is None:
        return STDLIB_VERSION
    if venv == SYSTEM:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", dist], capture_output=True, text=True)
        if out.returncode or not out.stdout.strip():
            raise SystemExit(f"no Debian package {dist} installed")
        return out.stdout.strip()
    norm = re.sub(r"[-_.]+", "_", dist).lower()
    for d in glob.glob(os.path.join(site(venv), "*.dist-info")):
        base = os.path.basename(d)[: -len(".dist-info")]
        n, _, ver = base.rpartition("-")
        if re.sub(r"[-_.]+", "_", n).lower() == norm:
            return ver
    raise SystemExit(f"no dist-info for {dist} in {venv}")


def elf(path):
    """Whether path is an ELF binary (executable or shared library)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'')
PLACEHOLDER = re.compile(r"\x00|\{[^{}]*\}|%\(\w+\)[sdrf]|%[-0-9.]*[sdrfiSRUTQzlu]+|\\n|\\t|\\")

ENTRIES = []


def m(cat, libname, path, needle, exc, msg, slug, cause, nth=1, check=True):
    ENTRIES.append(
        dict(
            cat=cat,
            lib=libname,
            path=path,
            needle=needle,
            exc=exc,
            msg=msg,
            slug=slug,
            cause=cause,
            nth=nth,
            check=check,
        )
    )


def main():
    for f in sorted(glob.glob(os.path.join(HERE, "entries", "*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(f)[:-3], f)
        mod = importlib.util.module_from_spec(spec)
        mod.m, mod.lib = m, lib
        spec.loader.exec_module(mod)
    out = os.path.join(HERE, "library-messages.jsonl")
    try:
        with open(out, encoding="utf-8") as fh:
            previous = {r["id"]: r for r in map(json.loads, fh)}
    except FileNotFoundError:
        previous = {}
    rows, errors, kept = {}, [], set()
    for e in ENTRIES:
        if e["lib"] not in LIBS:
            errors.append(f"unknown lib {e['lib']}")
            continue
        venv, dist = LIBS[e["lib"]]
        rid = f"{e['cat'] if e['cat'] != 'other' else 'other'}-{e['lib']}-{e['slug']}"
        if not available(venv):
            # The venv this library was read from is not on this machine: keep the row as it was harvested
            # (a new entry cannot be harvested without it).
            if rid in rows:
                errors.append(f"duplicate id {rid}")
            elif rid in previous and previous[rid]["message"] == e["msg"] and previous[rid]["category"] == e["cat"]:
                rows[rid] = previous[rid]
                kept.add(venv)
            else:
                errors.append(f"{rid}: venv {venv} is not under /work/venvs (new or changed entry)")
            continue
        full = e["path"] if os.path.isabs(e["path"]) else os.path.join(site(venv), e["path"])
        if elf(full):
            # compiled extension, bundled C library or executable: the literal is located in the
            # binary (as `strings` would show it); there is no source line -> line 0
            try:
                data = Path(full).read_bytes()
            except OSError as ex:
                errors.append(f"{e['slug']}: {ex}")
                continue
            if e["needle"].encode() not in data:
                errors.append(f"{e['lib']}/{e['slug']}: needle not in binary {e['path']}")
                continue
            lines, e["check"] = None, False
            for piece in PLACEHOLDER.split(e["needle"]):
                if len(piece.strip()) >= 4 and piece.strip() not in e["msg"]:
                    errors.append(f"{e['lib']}/{e['slug']}: {piece!r} not in message")
            hits = [0]
        else:
            try:
                lines = Path(full).read_text(encoding="utf-8", errors="replace").split("\n")
            except OSError as ex:
                errors.append(f"{e['slug']}: {ex}")
                continue
            hits = [i + 1 for i, text in enumerate(lines) if e["needle"] in text]
        if len(hits) < e["nth"]:
            errors.append(f"{e['lib']}/{e['slug']}: needle not found in {e['path']}: {e['needle']!r}")
            continue
        line = hits[e["nth"] - 1]
        if e["check"]:
            lits = [a or b for a, b in LITERAL.findall(e["needle"])] or [e["needle"]]
            lit = "\x00".join(x.replace("\\'", "'").replace('\\"', '"') for x in lits)
            for piece in PLACEHOLDER.split(lit):
                piece = piece.strip().strip("\"'").strip()
                if len(piece) >= 4 and piece not in e["msg"]:
                    errors.append(f"{e['lib']}/{e['slug']}: {piece!r} not in message {e['msg']!r}")
        if rid in rows:
            errors.append(f"duplicate id {rid}")
            continue
        rows[rid] = {
            "id": rid,
            "category": e["cat"],
            "cause": e["cause"],
            "library": e["lib"],
            "dist": dist,
            "version": version(venv, dist),
            "exception": e["exc"],
            "message": e["msg"],
            "source": f"{e['path']}:{line}",
        }
    for er in errors:
        print("ERROR", er, file=sys.stderr)
    if kept:
        print(f"kept the stored rows of absent venvs: {', '.join(sorted(kept))}", file=sys.stderr)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for rid in sorted(rows):
            fh.write(json.dumps(rows[rid], ensure_ascii=False) + "\n")
    os.replace(tmp, out)
    print(f"wrote {len(rows)} rows, {len(errors)} errors", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
