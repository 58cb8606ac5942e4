"""The headless commands (`python main.py score|check|template|weights|forms|panel|…`): `commands` parses
and dispatches, `analysis_commands`, `score_commands` and the
modules in `commands.EXTENSION_MODULES` (`rsr_commands`: `rsr-grades`, …) add theirs; the lines they print are in
core.text.messages.
"""
