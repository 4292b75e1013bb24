"""Moved to ``kehoach.source.config`` (configuration is not only lint's); kept so that imports of
``kehoach.lint.config`` keep working."""

from ..source.config import CONFIG_FILE, Agency, Config, find_config  # noqa: F401
