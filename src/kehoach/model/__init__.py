"""The plan schema (mô hình Kế hoạch): pydantic v2 models with English keys.

Every field carries a Vietnamese ``title`` and ``description``: they become the hover help of the
JSON Schema in an editor. ``extra="forbid"`` everywhere so that a misspelt key is an error.

The body of a plan is an ordered list of ``Section`` objects with free headings. A section may
carry a ``role`` which gives it a default heading (from the wording templates) and tells the lint
rules what its items mean (tasks in ``solutions``, targets in ``goals``, duties in ``assignments``).

One module per part of the document; import from ``kehoach.model`` (everything is re-exported here):

- ``base``: ``Model``, ``F`` (a field with its hover help), the shorthand before-validators,
  ``Id``/``ID_PATTERN``, ``DocDate``/``PARTIAL_DATE_PATTERN`` and ``date_parts``.
- ``letterhead``: ``Letterhead`` (ô 1–4).
- ``body``: ``Preamble``/``Enacting``, ``Role``, ``Section``, ``Item``, ``Budget``/``BudgetLine``,
  ``ReportingRule``/``Frequency``.
- ``signature``: ``Signature`` (ô 7), ``Recipients``/``Recipient``/``RecipientGroup``/``Archive`` (ô 9b).
- ``tasks``: ``TaskLabels`` (the inline task lines), ``TaskTable``/``TaskColumns`` (the generated
  "Danh mục nhiệm vụ" appendix).
- ``figures``: ``Figure`` (one figure of a target), ``DueDate`` (a reporting due date).
- ``table``: ``Table``, ``Column``, ``GroupRow``, ``Cell``, ``SpanCell`` (a merged body cell), ``row_grid`` (in appendices and in items).
- ``tables``: ``Appendix``.
- ``decision``: ``Decision``, ``Article`` (a plan issued as the attachment of a decision).
- ``plan``: ``Plan`` (the root), ``Period``, ``KINDS``.
- ``schema``: ``json_schema()``, the JSON Schema for editors (tidied by ``editor_schema``).
- ``walk``: walks over a plan's items and tasks (import it as ``kehoach.model.walk``).
- ``numbering``: the labels the body prints, one walk for compose and lint (import it as ``kehoach.model.numbering``).
"""

from .base import ID_PATTERN, PARTIAL_DATE_PATTERN, DocDate, F, Id, Model, Paragraphs, date_parts
from .body import (
    Budget,
    BudgetLine,
    Enacting,
    Frequency,
    Item,
    Preamble,
    ReportingRule,
    Role,
    Section,
)
from .decision import Article, Decision
from .figures import DueDate, Figure, figures_of
from .generated import Generated
from .letterhead import Letterhead
from .plan import KINDS, Period, Plan
from .schema import json_schema
from .signature import Archive, Recipient, RecipientGroup, Recipients, Signature
from .style import PATTERN, SCHEMES, Emphasis, Styles, emphasis_flags
from .tables import Appendix, BodyCell, Cell, Column, GroupRow, SpanCell, Table, cell_value, row_grid
from .tasks import TASK_LINES, TaskColumns, TaskLabels, TaskTable

__all__ = [
    "TASK_LINES",
    "DueDate",
    "Figure",
    "TaskColumns",
    "TaskLabels",
    "TaskTable",
    "figures_of",
    "ID_PATTERN",
    "KINDS",
    "PATTERN",
    "SCHEMES",
    "Emphasis",
    "Generated",
    "Styles",
    "emphasis_flags",
    "PARTIAL_DATE_PATTERN",
    "Appendix",
    "Archive",
    "Article",
    "Budget",
    "BudgetLine",
    "Cell",
    "Column",
    "Decision",
    "DocDate",
    "Enacting",
    "F",
    "Frequency",
    "GroupRow",
    "SpanCell",
    "BodyCell",
    "cell_value",
    "row_grid",
    "Id",
    "Item",
    "Letterhead",
    "Model",
    "Paragraphs",
    "Period",
    "Plan",
    "Preamble",
    "Recipient",
    "RecipientGroup",
    "Recipients",
    "ReportingRule",
    "Role",
    "Section",
    "Signature",
    "Table",
    "date_parts",
    "json_schema",
]
