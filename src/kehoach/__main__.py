"""``python -m kehoach``: the same as the ``kehoach`` command."""

from .cli.launcher import main

main()
