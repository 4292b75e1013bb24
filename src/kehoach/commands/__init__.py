"""Command modules; importing one registers its command on ``kehoach.cli.app``."""

from importlib import import_module

# One line per command module.
COMMAND_MODULES = [
    "check",
    "rules",
    "schema",
    "init",
    "batch",
    "units",
    "build",
]

for _name in COMMAND_MODULES:
    import_module(f"{__name__}.{_name}")
