"""Every user-facing string of the GUI has a Chinese translation, and the .qm is built."""

import subprocess
import xml.etree.ElementTree as ET

import pytest

from tools.update_translations import QM, TS, lupdate, tool


def messages(ts):
    root = ET.parse(ts).getroot()
    out = {}
    for ctx in root.iter("context"):
        for m in ctx.iter("message"):
            t = m.find("translation")
            text = None if t is None or t.get("type") == "unfinished" else (
                t.text or "".join(f.text or "" for f in t.findall("numerusform")))
            out[(ctx.findtext("name"), m.findtext("source"))] = text
    return out


def test_committed_translations_are_complete():
    msgs = messages(TS)
    assert len(msgs) > 50
    missing = [k for k, v in msgs.items() if not v]
    assert not missing, missing[:10]
    assert QM.exists() and QM.stat().st_mtime_ns > 0


def test_no_string_in_the_code_is_missing_from_the_translations(tmp_path):
    try:
        subprocess.run([tool("pyside6-lupdate"), "-version"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("pyside6-lupdate is not available")
    fresh = tmp_path / "fresh.ts"
    lupdate(fresh)
    have = messages(TS)
    new = [k for k in messages(fresh) if k not in have]
    assert not new, f"run tools/update_translations.py: {new[:10]}"
