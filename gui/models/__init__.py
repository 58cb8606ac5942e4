"""Qt item models: thin adapters over the engine's immutable objects (the tree, the ranking).
"""
