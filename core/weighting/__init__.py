"""Weights from judgements or from the data: AHP (`ahp`), entropy/CRITIC/standard deviation/PCA
(`data_methods`, `data_tree`), the `weights --method` dispatcher (`dispatch`) and how a set of weights was
made, in words (`sources`).
"""
