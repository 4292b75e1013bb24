"""Command modules; importing one registers its command on ``kehoach.cli.app``."""

from __future__ import annotations

from importlib import import_module

# One line per command module; each module is named after its command (with "_" after a Python
# keyword: import_ holds `kehoach import`).
COMMAND_MODULES = [
    "check",
    "rules",
    "schema",
    "init",
    "batch",
    "units",
    "build",
    "server",
    "preview",
    "lsp",
    "tasks",
    "import_",
    "issue",
]


def register(command: str | None = None) -> None:
    """Register ``command`` alone (a run pays only for the imports it needs), or every command when
    it is None or unknown (help, and click's "did you mean" for a mistyped name)."""
    module = f"{command}_" if f"{command}_" in COMMAND_MODULES else command
    names = [module] if module in COMMAND_MODULES else COMMAND_MODULES
    for name in names:
        import_module(f"{__name__}.{name}")
