"""Compose (dàn trang nội dung): Plan → Document, the block tree every writer reads.

``composer`` builds the structure (sections, numbering, signature, the decision wrapper) in Python;
``tables`` turns the plan's tables into document tables; ``text`` holds the pure string helpers
(punctuation, numbers, dates, item labels); ``wording`` renders the fixed sentences from the Jinja
templates in ``templates/``; ``document`` is the tree.
"""
