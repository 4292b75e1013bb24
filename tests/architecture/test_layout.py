"""The package's house plan (issue 10): folders are pipeline stages, imports flow one way.

Every import is counted, also those inside functions (a lazy import is still a dependency), except
those under ``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "kehoach"

# The stages in pipeline order, after the small helpers (common/) every stage may use. A module may
# import its own stage and any stage before it.
STAGES = ["common", "model", "source", "importers", "lint", "compose", "writers", "exporters", "pipeline", "build", "batch", "cli"]
UI_LIBRARIES = {"typer", "click", "rich"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(name: str) -> tuple[set[str], set[str]]:
    """(kehoach modules, third-party top-level packages) that module ``name`` imports."""
    path = MODULES[name]
    tree = ast.parse(path.read_text("utf-8"))
    skip = _type_checking_lines(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    inner: set[str] = set()
    outer: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                (inner if alias.name.split(".")[0] == "kehoach" else outer).add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "kehoach":
                outer.add(target)
                continue
            for alias in node.names:  # ``from . import vn`` imports the module kehoach.common.vn
                inner.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target)
    return {m for m in inner if m in MODULES and m != name}, {m.split(".")[0] for m in outer}


GRAPH = {name: imports_of(name)[0] for name in MODULES}


def stage_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else None


def test_no_import_cycles():
    # Tarjan's strongly connected components: any component of two or more modules is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in GRAPH[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert cycles == []


def test_the_cycle_check_finds_a_cycle():
    # The check above would pass on anything if imports_of saw nothing: it sees the known edges.
    assert "kehoach.model" in GRAPH["kehoach.source.loader"]
    assert "kehoach.cli.app" in GRAPH["kehoach.cli.commands.build"]
    assert "kehoach.compose.document" in GRAPH["kehoach.writers.docx.package"] or any(
        m.startswith("kehoach.compose.document") for m in GRAPH["kehoach.writers.html"])


def test_stages_import_only_earlier_stages_and_helpers():
    wrong = []
    for name, targets in GRAPH.items():
        here = stage_of(name)
        if here is None or here == "__main__":
            continue
        for target in targets:
            there = stage_of(target)
            if there is None or there == here:
                continue
            if there not in STAGES or here not in STAGES or STAGES.index(there) > STAGES.index(here):
                wrong.append(f"{name} -> {target}")
    assert wrong == []


# The pipeline's steps: a door (cli/, batch/) reaches them only through pipeline/ (one check, one render,
# one write for every door, issue 21). Services beside the steps stay open to doors: which files are
# plans (lint.discovery), --fix (lint.fix), profile coverage (lint.profiles), LibreOffice (writers.pdf,
# writers.uno_worker), fonts, and the Plan exporters (exporters/).
DOORS = ("cli", "batch")
STEPS = ("kehoach.lint", "kehoach.lint.rules", "kehoach.compose", "kehoach.writers.docx", "kehoach.writers.html",
         "kehoach.writers.text", "kehoach.writers.paged_html")


def _is_step(module: str) -> bool:
    return any(module == step or module.startswith(step + ".") and step != "kehoach.lint" for step in STEPS)


def test_doors_go_through_the_pipeline():
    wrong = sorted(f"{name} -> {target}" for name, targets in GRAPH.items() if stage_of(name) in DOORS
                   for target in targets if _is_step(target))
    assert wrong == []


def test_the_door_check_finds_a_door_around_the_pipeline():
    assert _is_step("kehoach.compose.composer") and _is_step("kehoach.lint") and _is_step("kehoach.lint.rules.text")
    assert not _is_step("kehoach.lint.fix") and not _is_step("kehoach.writers.pdf")
    assert "kehoach.pipeline.check" in GRAPH["kehoach.cli.commands.check"] | GRAPH["kehoach.cli.commands.build"]


# Writers read only the composed Document; what reads the Plan for other systems is in exporters/.
def test_writers_do_not_import_the_model():
    readers = {name for name, targets in GRAPH.items() if stage_of(name) == "writers"
               and any(stage_of(t) == "model" for t in targets)}
    assert readers == set()


MAX_LINES = 400


def test_no_module_over_400_lines():
    long = {str(p.relative_to(PACKAGE)): len(p.read_text("utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {name: count for name, count in long.items() if count > MAX_LINES} == {}


def test_the_helpers_import_nothing_of_the_stages():
    wrong = [f"{name} -> {target}" for name, targets in GRAPH.items() if stage_of(name) == "common"
             for target in targets if stage_of(target) != "common"]
    assert wrong == []


def test_the_top_package_stays_small():
    # A reader finds the stages at a glance: helpers live in common/, not beside the stages.
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__" and (p.suffix == ".py" or p.is_dir()))
    assert len(entries) <= 14, entries


def test_only_the_cli_knows_the_terminal_libraries():
    wrong = sorted(f"{name}: {lib}" for name in MODULES if stage_of(name) != "cli"
                   for lib in imports_of(name)[1] & UI_LIBRARIES)
    assert wrong == []


def test_every_module_sits_in_a_known_room():
    rooms = set(STAGES) | {"__main__", None}
    assert {stage_of(name) for name in MODULES} <= rooms


def test_the_repository_stands_alone():
    # Tests and code must run from a fresh clone: no path of the machine it was written on, and no
    # reference to the developers' background folder outside the repository.
    import subprocess

    root = PACKAGE.parents[1]
    files = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout.split()
    import re

    forbidden = re.compile(r"(?:^|[\s\"'(=:])/" + r"work/|\.\./" + "shared|shared/(?:reference|seeds)", re.M)
    found = []
    for name in files:
        path = root / name
        if path.suffix in {".docx", ".xlsx", ".pdf", ".png"} or not path.is_file():
            continue
        text = path.read_text("utf-8", errors="replace")
        found += [f"{name}: {match.group(0).strip()}" for match in forbidden.finditer(text)]
    assert found == []


def test_the_architecture_page_names_every_module():
    page = (PACKAGE.parents[1] / "docs" / "architecture.md").read_text("utf-8")
    missing = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                     if f"`{p.relative_to(PACKAGE)}`" not in page)
    assert missing == []
