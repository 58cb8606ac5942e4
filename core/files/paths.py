"""Where bundled files live, found from this file (works in a PyInstaller bundle too)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RESOURCES = ROOT / "resources"
DEFAULT_FRAMEWORK = DATA / "default_framework.csv"
SAMPLE_WORKBOOK = DATA / "sample_ai_cities.xlsx"
