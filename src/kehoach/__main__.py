"""``python -m kehoach``: the same as the ``kehoach`` command."""

from .launcher import main

main()
