"""Batch (tạo hàng loạt): one plan template and a units table → one plan per unit.

``units`` reads the table (CSV/YAML/XLSX or the official list of communes), ``placeholders`` fills
``{{ unit.* }}`` into a copy of the plan, ``slug`` makes safe file names, ``runner`` checks and builds
every unit in parallel with a manifest that lets an interrupted run resume.
"""
