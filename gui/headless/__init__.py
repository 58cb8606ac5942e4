"""Commands that draw with Qt but open no window (`map`, `report`), their registry, and `--selftest`.
"""
