"""The project as data, and its pure edits: framework (the indicator tree), settings, dataset, problems,
the Project itself, scenarios. Imports nothing else of core: every other package builds on it.
"""
