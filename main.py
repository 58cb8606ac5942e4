"""CityIndex Studio — entry point.

`python main.py` opens the window on the bundled default; `python main.py FILE`
opens a file; `python main.py SUBCOMMAND …` runs the engine headless
(score, check, template, weights; see `python main.py --help`).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "map":  # the map needs Qt to draw: it lives in gui/
        from gui.map_cli import run as run_map

        return run_map(argv[1:])
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
