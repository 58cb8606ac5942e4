"""Chart widgets (pyqtgraph) fed plain data: ranking, profile, scatter, map, uncertainty, and the report's
figures drawn offscreen. They never compute a score.
"""
