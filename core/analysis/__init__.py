"""How sure the ranking is, and figures over a result: Monte Carlo uncertainty and one-at-a-time drops
(`uncertainty`), Sobol' points and indices (`sobol`), the statistical audit (`audit`), summary figures for
charts and reports (`summary`), and the few distributions they need (`stats`). Why a unit is ranked where
it is and what would change it: contributions and strengths/weaknesses (`contributions`), weight
stability intervals (`stability`), targets per indicator (`targets`), and the path re-aggregation they
share (`reaggregate`); every unit's strengths and weaknesses at once (`strengths_table`).
The probit grading of a rank-sum-ratio node into levels, 秩和比分档 (`rsr_grading`).
"""
