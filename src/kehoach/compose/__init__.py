"""Compose (dàn trang nội dung): Plan → Document, the block tree every writer reads.

``composer`` builds the structure (sections, numbering, tables, signature) in Python; ``wording``
renders the fixed sentences from the Jinja templates in ``templates/``; ``document`` is the tree.
"""
