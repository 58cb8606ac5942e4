"""The report's stability sentence when the first swap happens at 0 % or 100 % itself (qa2).

Under BoD (and any method where a child whose weight is 0 drops out) the TOP-N can change exactly at an
end: stability finds high = 1 − 5e-8 with a swap there. The sentence said "0%–100% 之间变动时…不变；再提高，
南京将首先超过成都" — no weight lies above 100 %, and at 100 % the order has already changed."""

from core.outputs.report_why import stability_sentence


def entry(low, high, at_low=None, at_high=None):
    return {"current": 0.2, "low": low, "high": high, "at_low": at_low, "at_high": at_high}


def test_a_swap_at_100_percent_is_said_to_happen_there():
    s = stability_sentence("基础设施发展", entry(0.0, 1 - 4.8e-8, at_high=["成都", "南京"]), 10, "zh")
    assert "再提高" not in s
    assert "0%–100%（不含）" in s and "升至 100% 时，南京将超过成都" in s
    en = stability_sentence("Infrastructure", entry(0.0, 1 - 4.8e-8, at_high=["成都", "南京"]), 10, "en")
    assert "higher," not in en and "100% (excluded)" in en and "at 100%, 南京 would overtake 成都" in en


def test_a_swap_at_0_percent_is_said_to_happen_there():
    s = stability_sentence("技术研发能力", entry(4.8e-8, 1.0, at_low=["成都", "南京"]), 10, "zh")
    assert "再降低" not in s
    assert "0%（不含）–100%" in s and "降至 0% 时，南京将超过成都" in s


def test_an_inner_bound_keeps_its_words():
    e = entry(0.09, 0.32, at_low=["南京", "天津"], at_high=["成都", "南京"])
    s = stability_sentence("政策环境优势", e, 10, "zh")
    assert "9%–32%" in s and "再降低，天津将首先超过南京" in s and "再提高，南京将首先超过成都" in s
