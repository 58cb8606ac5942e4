"""tools/icu_subset.py: the Linux build's cut-down ICU data library still serves Chinese and English."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("icu_subset", ROOT / "tools" / "icu_subset.py")
icu = sys.modules["icu_subset"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu)


def _wheel_icu() -> Path | None:
    import PySide6
    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return next((p for p in found if not p.is_symlink()), None)


ICU = _wheel_icu()
needs_icu = pytest.mark.skipif(ICU is None, reason="this PySide6 does not ship ICU (Windows, macOS)")


@pytest.mark.parametrize(("name", "kept"), [
    ("icudt73l/coll/zh.res", True), ("icudt73l/coll/root.res", True), ("icudt73l/coll/ucadata.icu", True),
    ("icudt73l/zh_Hans_CN.res", True), ("icudt73l/en_GB.res", True), ("icudt73l/curr/pool.res", True),
    ("icudt73l/res_index.res", True), ("icudt73l/likelySubtags.res", True), ("icudt73l/nfc.nrm", True),
    ("icudt73l/gb18030.cnv", True), ("icudt73l/windows-950-2000.cnv", True), ("icudt73l/cnvalias.icu", True),
    ("icudt73l/coll/fr.res", False), ("icudt73l/unit/de_CH.res", False), ("icudt73l/ja.res", False),
    ("icudt73l/brkitr/cjdict.dict", False), ("icudt73l/brkitr/root.res", False),
    ("icudt73l/translit/root.res", False), ("icudt73l/ibm-943_P15A-2003.cnv", False),
])
def test_which_items_are_kept(name, kept):
    assert icu.keep(name) is kept


@needs_icu
def test_the_archive_is_read_and_written_back_byte_for_byte():
    lib = ICU.read_bytes()
    offset, size, symbol = icu.find_data(lib)
    assert symbol.startswith("icudt") and size > 10_000_000
    dat = lib[offset:offset + size]
    archive = icu.parse(dat)
    assert len(archive.items) > 1000 and "icudt73l/coll/zh.res" in archive.items
    assert icu.serialise(archive) == dat
    small, dropped = icu.subset(dat)
    again = icu.parse(small)
    assert set(again.items) == {n for n in archive.items if icu.keep(n)}
    assert all(again.items[n] == archive.items[n] for n in again.items)
    assert len(again.items) + len(dropped) == len(archive.items)
    assert len(small) < len(dat) / 4


@needs_icu
@pytest.mark.skipif(not (shutil.which("objcopy") and shutil.which("ld")), reason="binutils (objcopy, ld) missing")
def test_qt_sorts_by_pinyin_on_the_cut_down_library(tmp_path):
    out = tmp_path / ICU.name
    before, after, _dropped = icu.shrink_library(ICU, out)
    assert after < before / 4
    probe = (
        "from PySide6.QtCore import QCollator, QLocale, QStringDecoder\n"
        "c = QCollator(QLocale('zh_CN'))\n"
        "print(' '.join(sorted(['上海', '深圳', '北京', '杭州', '重庆', '广州'], key=c.sortKey)))\n"
        "print(' '.join(sorted(['b', 'B', 'a', 'é', 'e'], key=QCollator(QLocale('en')).sortKey)))\n"
        "print(QStringDecoder('GB18030').isValid(), QStringDecoder('Big5').isValid())\n"
        "print([ln.split()[-1] for ln in open('/proc/self/maps') if 'libicudata' in ln][0])\n"
    )
    env = dict(os.environ, LD_LIBRARY_PATH=str(tmp_path))  # ahead of the wheel's RUNPATH
    p = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0] == "北京 重庆 广州 杭州 上海 深圳"  # bei chong guang hang shang shen
    assert lines[1] == "a b B e é"
    assert lines[2] == "True True"
    assert Path(lines[3]).resolve() == out.resolve()  # the cut-down library, not the wheel's
