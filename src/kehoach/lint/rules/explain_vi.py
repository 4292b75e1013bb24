"""Vietnamese rule explanations that do not sit beside their rule yet.

A rule's Vietnamese explanation lives in its own docstring, under ``Tiếng Việt:`` (see
``registry.Rule.explanation_vi``). This table is only the fallback for a rule written before the
explanations moved (e.g. on a branch merged later): move such an entry into the rule's docstring.
tests/cli/test_codes.py requires a Vietnamese explanation for every rule.
"""

from __future__ import annotations

EXPLANATIONS: dict[str, str] = {}
