"""One UI font with a CJK family, so Chinese renders the same everywhere we can."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                "WenQuanYi Micro Hei", "SimHei")


def cjk_family() -> str | None:
    have = set(QFontDatabase.families())
    for f in CJK_FAMILIES:
        if f in have:
            return f
    return None


def install_fonts(app) -> None:
    fam = cjk_family()
    if fam:
        f = QFont(app.font())
        f.setFamilies([fam, *f.families()])
        f.setPointSize(max(9, f.pointSize()))
        app.setFont(f)
