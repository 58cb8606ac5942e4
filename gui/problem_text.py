"""A problem's message in the user's language.

The engine writes its messages in English and records the facts of each
problem in fields (kind, unit, code, column, value). For the kinds a user
meets most, the window rebuilds the sentence from those fields through Qt's
translation machinery (context "Problems"); other kinds show the engine's
English text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def _templates() -> dict[str, str]:
    return {
        "missing": translate("Problems", "Empty cell: {unit} has no value for {column}; it stays missing."),
        "non_numeric": translate("Problems", "Not a number in {column} for {unit}: correct the cell or leave it "
                                             "empty (it is treated as missing, never as zero)."),
        "number_as_text": translate("Problems", "A number stored as text for {unit} in {column}; read as a number."),
        "duplicate_unit": translate("Problems", "Unit {value} appears again; this row is not used."),
        "empty_unit": translate("Problems", "A row without a unit name; its values are not used."),
        "constant": translate("Problems", "Indicator {code} has the same value for every unit; every unit gets "
                                          "the middle of the range."),
        "empty_indicator": translate("Problems", "Indicator {code} has no data at all."),
        "awaits_expert_scores": translate("Problems", "Indicator {code} is scored by experts and has no scores "
                                                      "yet: merge the returned score sheets (Weights → Expert "
                                                      "scores); until then it takes no part in the scores."),
        "outside_scale": translate("Problems", "{unit}: the expert score for {code} is {value}, outside its "
                                               "scale."),
        "empty_unit_data": translate("Problems", "{unit} has no value for any indicator; it gets no score."),
        "misspelt_header": translate("Problems", "Header {column} looks like indicator {code} misspelt; it is read "
                                                 "as a group column."),
        "no_data_column": translate("Problems", "Indicator {code} has no column in the data sheet (a header equal "
                                                "to its code or its Chinese name)."),
        "no_denominator": translate("Problems", "The denominator column {value} of {code} is not in the data sheet."),
        "transform_domain": translate("Problems", "The log transform of {code} needs positive values; {unit} has "
                                                  "{value}."),
        "duplicate_code": translate("Problems", "Code {value} is used twice."),
        "empty_code": translate("Problems", "A node without a code."),
        "unknown_parent": translate("Problems", "The parent {value} of {code} does not exist."),
        "non_numeric_weight": translate("Problems", "The weight of {code} is not a number."),
        "negative_weight": translate("Problems", "The weight of {code} is negative."),
        "mixed_weights": translate("Problems", "{code} has no weight while its siblings have one: leave all empty "
                                               "for equal weights, or set all."),
        "zero_weights": translate("Problems", "All weights among the siblings of {code} are zero."),
        "bad_direction": translate("Problems", "The direction of {code} must be + or − (正向/负向)."),
        "unknown_method": translate("Problems", "Unknown method name {value}."),
        "bad_denominator": translate("Problems", "{unit}: the denominator is empty or zero, so {code} is missing."),
    }


def problem_text(p) -> str:
    template = _templates().get(p.kind)
    if template is None:
        return p.message
    q = lambda v: f"「{v}」" if v not in (None, "") else ""  # noqa: E731
    try:
        return template.format(unit=p.unit or "", code=q(p.code), column=q(p.column),
                               value=q(p.value if p.value is not None else ""))
    except (KeyError, IndexError, ValueError):
        return p.message
