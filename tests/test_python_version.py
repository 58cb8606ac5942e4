"""One Python version everywhere: the Windows build, the engine's minimum, ruff's target and the
README's word on the Windows build agree (a bundle built on another Python is not the one tested)."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_windows_build_uses_the_projects_python():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    minimum = re.fullmatch(r">=(\d+\.\d+)", pyproject["project"]["requires-python"]).group(1)
    assert pyproject["tool"]["ruff"]["target-version"] == "py" + minimum.replace(".", "")
    workflow = (ROOT / ".github/workflows/windows-build.yml").read_text(encoding="utf-8")
    assert re.findall(r'python-version:\s*"?([\d.]+)"?', workflow) == [minimum]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    windows = readme[readme.index("**Windows.**"):]
    windows = windows[:windows.index("\n\n")]
    assert re.findall(r"Python (\d+\.\d+)", windows) == [minimum]
