"""The lint rules, one family per module; importing a module registers its rules (``registry``)."""
