"""Uncertainty with weights drawn from the expert panel's spread (issue 10: "or drawn from the
experts' spread when a panel is loaded")."""

import json

import numpy as np
import pytest

from core.analysis.uncertainty import draw_weights, expert_weight_sets, run_uncertainty
from core.pipeline.rank import min_rank_desc
from core.pipeline.run import compute

# two experts on the children of P (P1, P2); nothing on the other nodes
MERGED = {"P": {"experts": {"张三": {"weights": {"P1": 0.2, "P2": 0.8}},
                            "李四": {"weights": {"P1": 0.6, "P2": 0.4}}}}}


@pytest.fixture(scope="module")
def result(project):
    return compute(project)


def test_expert_weight_sets_lists_each_experts_value():
    assert expert_weight_sets(MERGED) == {"P1": [0.2, 0.6], "P2": [0.8, 0.4]}
    assert expert_weight_sets(None) == {}


def test_each_weight_is_an_experts_value_then_siblings_renormalised(result):
    ew = expert_weight_sets(MERGED)
    W = draw_weights(result, 2000, seed=5, mode="experts", expert_weights=ew)
    codes = list(result.plan.codes)
    p1, p2 = W[:, codes.index("P1")], W[:, codes.index("P2")]
    # by hand: P1 from {0.2, 0.6}, P2 from {0.8, 0.4}, then divided by their sum
    combos = {(0.2, 0.8): (0.2, 0.8), (0.2, 0.4): (1 / 3, 2 / 3), (0.6, 0.8): (3 / 7, 4 / 7),
              (0.6, 0.4): (0.6, 0.4)}
    seen = {k: 0 for k in combos}
    for a, b in zip(p1, p2):
        match = [k for k, v in combos.items() if np.isclose(a, v[0]) and np.isclose(b, v[1])]
        assert len(match) == 1
        seen[match[0]] += 1
    assert all(400 < n < 600 for n in seen.values())  # each weight drawn independently: about 1/4 each
    # the nodes the panel did not weight keep the current weights
    base = result.plan.weight_vector(result.local)
    others = [i for i, c in enumerate(codes) if c not in ("P1", "P2")]
    assert np.allclose(W[:, others], base[others][None, :], rtol=0, atol=1e-12)  # (renormalised: 1/3 × 3)


def test_experts_who_agree_reproduce_the_base_ranking(result):
    local = result.local
    same = {"P": {"experts": {n: {"weights": {"P1": local["P1"], "P2": local["P2"]}} for n in ("a", "b")}}}
    u = run_uncertainty(result, 50, seed=1, mode="experts", expert_weights=expert_weight_sets(same),
                        sensitivity=False)
    base = min_rank_desc(result.root_scores)
    assert np.array_equal(u.median_rank, base) and np.array_equal(u.p05, base) and np.array_equal(u.p95, base)
    assert any("current weights" in n for n in u.notes)


def test_the_run_with_expert_draws_is_reproducible_and_names_the_mode(result):
    ew = expert_weight_sets(MERGED)
    a = run_uncertainty(result, 300, seed=2, mode="experts", expert_weights=ew)
    b = run_uncertainty(result, 300, seed=2, mode="experts", expert_weights=ew)
    assert np.array_equal(a.ranks, b.ranks) and a.sensitivity == b.sensitivity
    assert a.mode == "experts" and any("expert panel" in n for n in a.notes)
    # only P's weights vary: the other dimensions carry no sensitivity
    assert a.sensitivity["P"]["total"] > 0
    assert all(v["total"] == 0 for k, v in a.sensitivity.items() if k != "P")


def test_mode_experts_without_a_panel_is_refused(result):
    with pytest.raises(ValueError, match="expert"):
        run_uncertainty(result, 10, seed=1, mode="experts")


def test_command_line_reads_the_panel_from_a_project_file(tmp_path, project, capsys):
    from core.cli.commands import run
    from core.files.paths import SAMPLE_WORKBOOK
    from core.files.project_file import save_project
    assert run(["uncertainty", str(SAMPLE_WORKBOOK), "--runs", "20", "--seed", "1", "--mode", "experts",
                "--lang", "en"]) == 2
    assert "expert" in capsys.readouterr().err
    path = save_project(project, tmp_path / "p.cidx", extra={"expert_inputs": {"panel": {"merged": MERGED}}})
    out = tmp_path / "u.json"
    assert run(["uncertainty", str(path), "--runs", "200", "--seed", "1", "--mode", "experts",
                "--json", str(out), "--lang", "en"]) == 0
    assert "expert panel" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["mode"] == "experts"


def test_the_analysis_panel_draws_from_the_merged_panel(qtbot, controller):
    from gui.panels.analysis_panel import AnalysisPanel, run
    controller.panel_result = {"method": "aij", "merged": MERGED}
    panel = AnalysisPanel(controller)
    qtbot.addWidget(panel)
    panel.mode.setCurrentIndex(panel.mode.findData("experts"))
    params = panel.params()
    assert params.mode == "experts" and params.expert_weights == {"P1": [0.2, 0.6], "P2": [0.8, 0.4]}
    u = run(controller.result, params, lambda f: None, lambda: False)
    expected = run_uncertainty(controller.result, params.runs, params.seed, mode="experts",
                               expert_weights=params.expert_weights)
    assert np.array_equal(u.median_rank, expected.median_rank)
    assert "expert panel" in panel.describe_params(params)
