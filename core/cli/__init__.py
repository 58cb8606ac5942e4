"""The headless commands (`python main.py score|check|template|weights|forms|panel|…`): `commands` parses
and dispatches, `analysis_commands` and `score_commands` add theirs; the lines they print are in
core.text.messages.
"""
