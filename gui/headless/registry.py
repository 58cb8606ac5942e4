"""The headless commands that draw with Qt (offscreen), by name: `python main.py map …`, `report …`.

Their code is in gui/ because they draw charts; the entry script (main.py) and the self-test
(gui/headless/selftest.py) both read this one table, so neither imports the other.
"""

from __future__ import annotations

QT_COMMANDS = {"map": "gui.headless.map_command", "report": "gui.headless.report_command"}
