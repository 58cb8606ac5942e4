"""The window's docks and tabs: the tree, the data, the charts, the analysis, the history, the scenarios.
"""
