"""Dialogs a menu opens: AHP, weights from the data, expert forms and score sheets, report export,
verification, preferences, help, and where file dialogs start.
"""
