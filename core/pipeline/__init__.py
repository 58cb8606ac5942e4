"""The computation, one module per step in its fixed order:

    denominate → screen → impute → treat → transform → normalise → (weights) → aggregate → rank

`run` holds `compute(project) -> Result`, the result that records every step.
"""
