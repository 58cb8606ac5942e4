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
            forms = [] if t is None else t.findall("numerusform")  # plural strings: one form in Chinese
            text = None if t is None or t.get("type") == "unfinished" else (
                forms[0].text if forms else t.text)
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


def test_the_committed_translations_say_what_the_glossary_says():
    # The glossary (resources/i18n/zh_CN*.json) is the one place a translator edits: an entry changed
    # there must reach the window, not stay behind an older wording kept in the .ts.
    import json

    from tools.update_translations import I18N
    glossary = {}
    for path in sorted(I18N.glob("zh_CN*.json")):
        glossary.update(json.loads(path.read_text(encoding="utf-8")))
    stale = [(ctx, src, text) for (ctx, src), text in messages(TS).items()
             if (zh := glossary.get(f"{ctx}|{src}", glossary.get(src))) is not None and text != zh]
    assert not stale, f"run tools/update_translations.py: {stale[:5]}"


def test_fill_replaces_an_older_wording_with_the_glossarys(tmp_path):
    from tools.update_translations import fill
    ts = tmp_path / "t.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN"><context>'
                  '<name>M</name><message><source>Unit</source><translation>单位</translation></message>'
                  '<message><source>Rank</source><translation>名次</translation></message></context></TS>',
                  encoding="utf-8")
    updated = []
    assert fill(ts, {"M|Unit": "城市"}, updated) == []
    assert messages(ts) == {("M", "Unit"): "城市", ("M", "Rank"): "名次"}  # no entry: the .ts's kept
    assert updated == [("M", "Unit", "单位", "城市")]
