"""Copy the Joe & Kuo Sobol' direction numbers from scipy into resources/sobol/joe_kuo_6_21201.npz.

    python tools/make_sobol_directions.py

Why: `core.analysis.sobol` generates Sobol' points without scipy (scipy is 67 MB in the packaged build),
but it needs the same direction numbers scipy uses, so that its unscrambled points equal
`scipy.stats.qmc.Sobol(d, scramble=False)` exactly. They are S. Joe and F. Y. Kuo's
"new-joe-kuo-6.21201" set (search criterion D(6), 21,201 dimensions; Joe & Kuo 2008,
SIAM J. Sci. Comput. 30, 2635–2654), which scipy ships as `scipy/stats/_sobol_direction_numbers.npz`:
- `poly` (21201,): the primitive polynomial of each dimension encoded as 2a + 2^s + 1 (s its
  degree, a the bits of its inner coefficients); dimension 0 (van der Corput) has poly = 1;
- `vinit` (21201 × 18): the initial direction numbers m_1 … m_s of each dimension, zero-padded.

The copy keeps both arrays and their meaning, in the smallest unsigned dtypes that hold them
(checked: the values round-trip exactly), compressed. The numbers are under Joe & Kuo's BSD-style
licence, kept beside the file as resources/sobol/LICENSE.txt. scipy is a development dependency
(requirements-dev.txt): this tool runs on a developer's machine, the result is committed, and a
build never runs it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "resources" / "sobol" / "joe_kuo_6_21201.npz"


def scipy_directions() -> dict[str, np.ndarray]:
    import scipy.stats

    src = Path(scipy.stats.__file__).resolve().parent / "_sobol_direction_numbers.npz"
    with np.load(src) as z:
        return {"poly": z["poly"], "vinit": z["vinit"]}


def smallest(a: np.ndarray) -> np.ndarray:
    """`a` in the smallest unsigned integer dtype that holds it exactly."""
    if a.min() < 0:
        raise ValueError("direction numbers are never negative")
    for dt in (np.uint8, np.uint16, np.uint32, np.uint64):
        if a.max() <= np.iinfo(dt).max:
            out = a.astype(dt)
            assert np.array_equal(out.astype(a.dtype), a)
            return out
    raise ValueError("value too large")


def main() -> None:
    src = scipy_directions()
    poly, vinit = smallest(src["poly"]), smallest(src["vinit"])
    if poly.shape != (21201,) or vinit.shape != (21201, 18):
        raise SystemExit(f"unexpected shapes: poly {poly.shape}, vinit {vinit.shape}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, poly=poly, vinit=vinit)
    with np.load(OUT) as z:
        assert np.array_equal(z["poly"], src["poly"]) and np.array_equal(z["vinit"], src["vinit"])
    print(f"{OUT}: {OUT.stat().st_size:,} bytes (poly {poly.dtype}, vinit {vinit.dtype})")


if __name__ == "__main__":
    main()
