import sys
from pathlib import Path

import pytest

from kehoach.common.i18n import get_lang, set_lang

sys.path.insert(0, str(Path(__file__).parent))  # wordcompare, docmaker


@pytest.fixture(autouse=True)
def _vietnamese():
    """These tests read the Vietnamese notes; another test may have left English on."""
    previous = get_lang()
    set_lang("vi")
    yield
    set_lang(previous)
