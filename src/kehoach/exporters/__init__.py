"""Exporters: what a Plan says, for other systems (a task tracker, e-office metadata), read from the
Plan itself; the writers of writers/ read only the composed Document."""
