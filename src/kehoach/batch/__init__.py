"""Batch (tạo hàng loạt): one plan template and a units table → one plan per unit.

``units`` reads the table (CSV/YAML/XLSX or the official list of communes), ``placeholders`` fills
``{{ unit.* }}`` into a copy of the plan, ``slug`` and ``naming`` make safe file names, ``worker``
checks and builds one unit, ``runner`` runs every unit in parallel, and ``manifest`` records what was
built so that an interrupted run resumes.
"""
