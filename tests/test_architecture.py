"""The architecture, checked: the window uses only the engine's public names, and the packages are the
ones ARCHITECTURE.md describes. (The layer contracts between packages are import-linter's, in
pyproject.toml; `lint-imports` runs them.)"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def private_core_imports(path: Path) -> list[str]:
    """`from core… import _name` and `import core…._module` in one file, as 'file:line name'."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "core":
            parts = node.module.split(".")
            bad = [p for p in parts if p.startswith("_")]
            bad += [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
        elif isinstance(node, ast.Import):
            bad = [p for a in node.names if a.name.split(".")[0] == "core"
                   for p in a.name.split(".") if p.startswith("_")]
        else:
            continue
        found += [f"{path.relative_to(ROOT)}:{node.lineno} {b}" for b in bad]
    return found


def test_the_scanner_finds_private_names():
    import tempfile
    src = ("from core.files.readers import read_any, _brief\nimport core.model._hidden\n"
           "from core import __version__\nfrom gui.x import _fine\n")
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        f = Path(tmp) / "m.py"
        f.write_text(src, encoding="utf-8")
        found = [s.split(" ")[1] for s in private_core_imports(f)]
    assert found == ["_brief", "_hidden"]


def test_the_window_imports_no_private_name_of_the_engine():
    offenders = [s for f in sorted((ROOT / "gui").rglob("*.py")) for s in private_core_imports(f)]
    offenders += private_core_imports(ROOT / "main.py")
    assert not offenders, "gui/ uses the engine's private names:\n" + "\n".join(offenders)


def test_engine_packages_use_each_others_public_names_only():
    """Inside core/, a package may use its own private helpers but not another package's: what one
    package needs from another is part of that package's public face (verify once reached into the
    readers' `_load_bytes`)."""
    offenders = []
    for f in sorted((ROOT / "core").rglob("*.py")):
        own = f.relative_to(ROOT).parts[1]
        offenders += [s for s in private_core_imports(f) if _package_of(s, f) != own]
    assert not offenders, "core/ packages use each other's private names:\n" + "\n".join(offenders)


def _package_of(found: str, path: Path) -> str:
    """The core package a `private_core_imports` hit of `path` imports from."""
    line = int(found.split(" ")[0].rsplit(":", 1)[1])
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom | ast.Import) and node.lineno == line:
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            parts = (module or "").split(".")
            return parts[1] if len(parts) > 1 else ""
    return ""


def test_the_packages_are_the_documented_ones():
    """Every package of core/ and gui/ has a docstring saying what it is for, and ARCHITECTURE.md names it."""
    doc = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for top in ("core", "gui"):
        for init in sorted((ROOT / top).glob("*/__init__.py")):
            name = f"{top}/{init.parent.name}/"
            assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{name} has no docstring"
            assert f"`{name}`" in doc, f"ARCHITECTURE.md does not describe {name}"
    assert not [p for p in (ROOT / "core").glob("*.py") if p.name != "__init__.py"], "core/ holds packages only"
