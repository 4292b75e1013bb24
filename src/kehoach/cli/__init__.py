"""The command line (giao diện dòng lệnh): everything that knows typer, rich or a terminal.

``launcher`` is the entry point (standard library only): it hands the command line to a warm build
``server`` over the wire in ``protocol``, or runs it here through ``main``; ``app`` holds the typer
application that each module of ``commands/`` adds its command to; ``report`` prints diagnostics.
"""
