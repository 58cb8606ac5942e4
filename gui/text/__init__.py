"""Languages, display names of the engine's keys, fonts, and problem messages in the user's language.
"""
