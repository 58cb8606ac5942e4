"""The engine's words, in Chinese and English, each sentence in one place: what a problem in the input says
(`problem_texts`, `input_texts`) and every line a command prints or an engine message carries (`messages`).
Imports nothing of core: every other package may use it.
"""
