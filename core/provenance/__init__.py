"""What was done, by whom, from what: the history, frozen rounds, the fingerprint of a result's inputs,
and the verification of a results workbook against a project.
"""
