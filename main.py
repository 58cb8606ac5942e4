"""CityIndex Studio — entry point.

`python main.py` opens the window on the bundled default; `python main.py FILE`
opens a file; `python main.py SUBCOMMAND …` runs the engine headless
(score, check, template, weights; see `python main.py --help`).
"""

from __future__ import annotations

import sys

# Headless commands that draw charts (offscreen Qt), so their code is in gui/, not core/.
QT_COMMANDS = {"map": "gui.map_cli", "report": "gui.report_cli"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in QT_COMMANDS:  # commands that draw need Qt: they live in gui/
        import importlib

        return importlib.import_module(QT_COMMANDS[argv[0]]).run(argv[1:])
    from core import cli

    if cli.looks_like_command(argv):
        return cli.run(argv)
    try:
        from gui.app import run_gui  # noqa: F401  (the window, once it exists)
    except ImportError:
        print("The window is not built yet. Headless use:\n")
        print(cli.main_usage())
        return 0
    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
