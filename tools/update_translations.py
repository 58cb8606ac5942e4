"""Refresh the translation files: lupdate → fill from the glossary → lrelease.

    python tools/update_translations.py

1. `pyside6-lupdate` extracts every tr()/translate() string of gui/ and main.py into
   resources/i18n/cityindex_zh_CN.ts (keeping translations already there);
2. every string the glossary has is set from it: resources/i18n/zh_CN.json (English → Chinese)
   and the zh_CN.<topic>.json beside it, the one place a translator edits — a changed entry
   replaces the .ts's older wording (listed as "updated"), so an edit to the glossary always
   reaches the window; strings the glossary lacks keep what the .ts has;
3. `pyside6-lrelease` compiles the .qm the application loads.
Prints the strings that still have no translation (and exits 1 if any).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TS = I18N / "cityindex_zh_CN.ts"
QM = I18N / "cityindex_zh_CN.qm"
GLOSSARY = I18N / "zh_CN.json"


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))
    return files + ["main.py"]


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-silent"],
                   cwd=ROOT, check=True)


def fill(ts: Path, glossary: dict[str, str],
         updated: list[tuple[str, str, str, str]] | None = None) -> list[tuple[str, str]]:
    """Set every message the glossary has; return those still without a translation. Messages
    whose older wording was replaced are appended to `updated` as (context, source, old, new)."""
    updated = [] if updated is None else updated
    tree = ET.parse(ts)
    missing = []
    for ctx in tree.getroot().iter("context"):
        cname = ctx.findtext("name")
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            forms = tr.findall("numerusform")
            done = all((f.text or "").strip() for f in forms) if forms else (tr.text or "").strip()
            zh = glossary.get(f"{cname}|{src}", glossary.get(src))
            current = forms[0].text if forms else tr.text
            if zh and done and tr.get("type") != "unfinished" and current != zh:
                updated.append((cname, src, current or "", zh))
                done = False
            if tr.get("type") == "unfinished" or not done:
                if zh and msg.get("numerus") == "yes":  # Chinese has one plural form
                    tr.text = None
                    forms = forms or [ET.SubElement(tr, "numerusform")]
                    for f in forms:
                        f.text = zh
                    tr.attrib.pop("type", None)
                elif zh:
                    tr.text = zh
                    tr.attrib.pop("type", None)
                else:
                    missing.append((cname, src))
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent"], check=True)


def main() -> int:
    glossary = {}
    # zh_CN.json is the main glossary; zh_CN.<topic>.json files add the strings of one feature
    for path in sorted(I18N.glob("zh_CN*.json")):
        glossary.update(json.loads(path.read_text(encoding="utf-8")))
    lupdate(TS)
    updated: list[tuple[str, str, str, str]] = []
    missing = fill(TS, glossary, updated)
    lrelease(TS, QM)
    for ctx, src, old, new in updated:
        print(f"updated: [{ctx}] {src}: {old} → {new}")
    for ctx, src in missing:
        print(f"untranslated: [{ctx}] {src}")
    print(f"{TS.name}: {len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
