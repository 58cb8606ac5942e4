"""The project as data, and its pure edits: framework (the indicator tree), settings, dataset, problems,
the Project itself, scenarios, the history's plain records (records), and the Document (document) —
everything a project file holds, edited by pure functions. Imports nothing else of core: every other
package builds on it.
"""
