"""Which files are plans (tệp kế hoạch): what ``kehoach check FOLDER`` and the pre-commit hook check.

A repository holds many YAML files that are not plans (CI workflows, ``.pre-commit-config.yaml``,
docker-compose files). A file is taken for a plan when

- its name ends in ``.kehoach.yaml`` / ``.kehoach.yml`` (the convention for new plans), or
- it is a ``.yaml`` / ``.yml`` file whose top level has the key ``letterhead`` (the schema requires
  it; no CI, pre-commit or compose file has it), or whose first line is the ``yaml-language-server``
  modeline naming a kehoach schema (what ``kehoach init`` writes);

or, when the configuration sets ``include`` (glob patterns), exactly the files those patterns match.
Folders are searched recursively, skipping the ``exclude`` patterns of the configuration, the
folders in DEFAULT_EXCLUDE and, inside a git work tree, what git ignores (``.gitignore``, through
``git ls-files``). Files named on the command line are always checked, unless ``force`` asks to
filter them the same way (``--force-exclude``, as in ruff: what the pre-commit hook uses, since
pre-commit hands it every YAML file of the repository).

Patterns follow .gitignore's habits: a pattern without ``/`` matches a file or folder name at any
depth (``drafts``, ``*.draft.yaml``); one with ``/`` matches the path relative to the folder of the
configuration file (``plans/old/**``, ``docs/*.yaml``); ``**`` spans folders.
"""

from __future__ import annotations

import os
import re
import subprocess
from functools import lru_cache
from pathlib import Path, PurePosixPath

from ..source.config import Config, find_config

PLAN_SUFFIXES = (".yaml", ".yml")
NAMED_PLAN_SUFFIXES = (".kehoach.yaml", ".kehoach.yml")
# Never entered when searching a folder (as ruff's default exclude): tools, caches, build output.
DEFAULT_EXCLUDE = (".*", "node_modules", "__pycache__", "build", "dist", "venv", "site-packages")
SNIFF_BYTES = 64 * 1024

_LETTERHEAD = re.compile(r"""^(?:"|')?letterhead(?:"|')?[ \t]*:""", re.MULTILINE)
_MODELINE = re.compile(r"\A(?:\ufeff)?#\s*yaml-language-server:\s*\$schema=\S*kehoach", re.IGNORECASE)


def looks_like_plan(path: Path) -> bool:
    """The file's name or first 64 KiB say it is a plan (see the module's docstring)."""
    name = path.name.lower()
    if name.endswith(NAMED_PLAN_SUFFIXES):
        return True
    if not name.endswith(PLAN_SUFFIXES):
        return False
    try:
        with open(path, "rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return False
    text = head.decode("utf-8", errors="replace")
    if _MODELINE.match(text):
        return True
    return _LETTERHEAD.search(text) is not None


@lru_cache(maxsize=256)
def _pattern(pattern: str) -> re.Pattern[str]:
    """A glob pattern as a regular expression over a relative POSIX path."""
    anchored = "/" in pattern.strip("/")
    out = []
    for i, segment in enumerate(pattern.strip("/").split("/")):
        if segment == "**":
            out.append("(?:[^/]+/)*" if i < len(pattern.strip("/").split("/")) - 1 else ".*")
            continue
        part = ""
        for char in segment:
            part += "[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char)
        out.append(part + "/")
    body = "".join(out)
    body = body[:-1] if body.endswith("/") else body
    return re.compile(body if anchored else r"(?:.*/)?" + body)


def matches(relative: PurePosixPath, patterns: tuple[str, ...] | list[str]) -> bool:
    """``relative`` or one of its parent folders matches one of ``patterns``."""
    text = relative.as_posix()
    prefixes = [text[: m.start()] for m in re.finditer("/", text)] + [text]
    return any(_pattern(p).fullmatch(prefix) for p in patterns for prefix in prefixes if p.strip("/"))


def _base(config: Config, fallback: Path) -> Path:
    return Path(config.path).parent.resolve() if config.path else fallback.resolve()


def _relative(path: Path, base: Path) -> PurePosixPath | None:
    try:
        return PurePosixPath(path.resolve().relative_to(base).as_posix())
    except ValueError:
        return None


def is_selected(path: Path, config: Config, base: Path, *, root: Path) -> bool:
    """Not excluded, and a plan by the ``include`` patterns or by its name and content."""
    under_root = _relative(path, root.resolve())
    if under_root is not None and matches(under_root, DEFAULT_EXCLUDE):
        return False
    relative = _relative(path, base)
    if relative is not None and config.exclude and matches(relative, config.exclude):
        return False
    if config.include is not None:
        return relative is not None and matches(relative, config.include)
    return looks_like_plan(path)


def _git_files(folder: Path) -> list[Path] | None:
    """The files below ``folder`` that git does not ignore (tracked or not); None outside a work
    tree, without git, or when ``folder`` itself is ignored (it was named, so it is searched)."""
    def git(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=60,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"})

    try:
        inside = git("rev-parse", "--is-inside-work-tree")
        if inside.returncode != 0 or inside.stdout.strip() != b"true":
            return None
        if git("check-ignore", "-q", ".").returncode == 0:
            return None
        listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard")
    except (OSError, subprocess.SubprocessError):
        return None
    if listed.returncode != 0:
        return None
    names = {name for name in listed.stdout.decode("utf-8", "surrogateescape").split("\0") if name}
    return [folder / name for name in sorted(names)]


def _walk(folder: Path) -> list[Path]:
    found = []
    for parent, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not matches(PurePosixPath(d), DEFAULT_EXCLUDE))
        found += [Path(parent) / n for n in names]
    return found


def plans_in(folder: Path) -> list[Path]:
    """The plan files below ``folder``, sorted. Raises KehoachError for a broken configuration."""
    config = find_config(folder)
    base = _base(config, folder)
    candidates = _git_files(folder)
    if candidates is None:
        candidates = _walk(folder)
    return sorted(p for p in candidates
                  if p.name.lower().endswith(PLAN_SUFFIXES) and p.is_file() and is_selected(p, config, base, root=folder))


def named_file_selected(path: Path) -> bool:
    """For ``--force-exclude``: a file named on the command line that the configuration's patterns
    and the plan recognition would also pick when searching its folder."""
    config = find_config(path.parent)
    return is_selected(path, config, _base(config, path.parent), root=Path.cwd())
