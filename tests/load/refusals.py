"""What loading refuses, as the messages `check` prints: shared by the tests of each kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.content.load import load_content
from minutebook.link import link
from minutebook.model import InvalidContent


def problems(content: Path, linked: bool = False) -> list[str]:
    """Every problem loading `content` reports (and, where `linked`, linking it): the content must be refused."""
    with pytest.raises(InvalidContent) as raised:
        loaded = load_content(content)
        if linked:
            link(loaded)
    return [str(e) for e in raised.value.errors]
