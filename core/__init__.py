"""CityIndex Studio engine: pure numpy/pandas, never Qt.

One module per pipeline verb (denominate, screen, impute, treat, transform,
normalise, weights, aggregate, rank), plus the file readers, the validation
and the pipeline that strings the verbs together in their fixed order.
"""

__version__ = "0.1.0"
