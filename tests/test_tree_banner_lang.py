"""The tree's banner over a refused structural edit speaks the window's language (qa2: the status bar
did, the banner showed the engine's English wording, e.g. "已拒绝：cannot move 'P' under …")."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

pytestmark = pytest.mark.gui


def test_refused_move_banner_in_chinese(sample_window):
    tree = sample_window.tree
    refused = tree.move_to("P", "P1")  # under its own child
    assert refused is not None and refused.errors
    text = tree.banner_text
    assert refused.errors[0].text("zh") in text
    assert refused.errors[0].message not in text
