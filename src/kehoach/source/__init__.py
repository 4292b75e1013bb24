"""Source (đọc tệp kế hoạch): plan.yaml → Plan, every value with its line and column.

``encoding`` decodes bytes defensively (legacy encodings, NFD), ``loader`` parses YAML with positions
and validates it against the model, ``messages`` rewrites pydantic's errors in plain Vietnamese.
"""
