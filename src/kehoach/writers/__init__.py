"""Writers: a ``Document`` → bytes of one output format (.docx, .html, .txt).

Every writer reads only the Document block tree (``kehoach.compose.document``), never the plan.
"""
