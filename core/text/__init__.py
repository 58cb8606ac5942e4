"""The engine's words, in Chinese and English, each sentence in one place: what a problem in the input says
(`problem_texts`, `input_texts`), every line a command prints or an engine message carries (`messages`),
and the words of the stability and strengths/weaknesses outputs (`why_texts`); the RSR grading's words
(`rsr_texts`).
Imports nothing of core: every other package may use it.
"""
