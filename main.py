"""CityIndex Studio — entry point.

`python main.py` opens the window on the bundled default; `python main.py FILE`
opens a file; `python main.py SUBCOMMAND …` runs the engine headless
(score, check, template, weights, forms, panel, map, report…; see `python main.py --help`).
"""

from __future__ import annotations

import sys

# Headless commands that draw charts (offscreen Qt): their code and their table are in gui/headless/.
from gui.headless.registry import QT_COMMANDS  # noqa: E402 - a plain dict, no Qt imported


def broken_install(e: ImportError) -> int:
    """A module the window needs cannot be imported: say which, and exit non-zero."""
    missing = getattr(e, "name", None) or str(e)
    print(f"CityIndex Studio cannot start the window: the module '{missing}' is missing or broken ({e}).\n"
          "Reinstall the requirements (pip install -r requirements.txt) or the program folder. "
          "Headless commands: python main.py --help", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in QT_COMMANDS:  # commands that draw need Qt: they live in gui/
        import importlib

        try:
            module = importlib.import_module(QT_COMMANDS[argv[0]])
        except ImportError as e:
            return broken_install(e)
        return module.run(argv[1:])
    from core.cli import commands as cli

    if cli.looks_like_command(argv):
        return cli.run(argv)
    try:
        from gui.app import run_gui
    except ImportError as e:
        return broken_install(e)
    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
