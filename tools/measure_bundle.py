"""Measure the packaged build: its size, unpacked and packed, and its start to the first painted window.

    python tools/measure_bundle.py [--bundle dist/CityIndexStudio] [--runs 5] [--level 19] [--strict | --strict-size]

- unpacked: the bytes of every file in the bundle folder (a link counts as a link), and `du`'s figure;
- packed: the folder as .tar.zst (the `zstd` command, or the `zstandard` module, level --level with
  long-distance matching) — or, when neither exists, as .zip (deflate, level 9); which one is printed;
- start: the bundle is run with --startup-probe 1 + --runs times. It prints the wall-clock time when the
  main window first painted (frame, menus, panels, "Loading…") and when the project had loaded and
  painted; the time counts from just before the process is started. The first run is reported on its
  own: before it, the bundle's files are evicted from the page cache where the system allows it
  (posix_fadvise DONTNEED; Qt's and the system's own libraries stay cached), so it reads them from disk.
  The median is over the other runs.

Without a display, runs use QT_QPA_PLATFORM=offscreen (printed). Prints a table against the targets
(unpacked ≤ 197 MB, packed ≤ 62.5 MB, first paint < 1.0 s) and exits 0; with --strict, 1 when a
target is missed; with --strict-size, 1 when a size target is missed (CI uses it: sizes do not depend
on how busy the machine is, start times do). MB here is 10^6 bytes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"unpacked": 197e6, "packed": 62.5e6, "first_paint": 1.0}  # +7 MB / +2.5 MB for HiGHS (issue 20)
NAME = "CityIndexStudio"


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def executable(bundle: Path) -> Path:
    """The program to run: on Windows the console twin (a windowed .exe cannot print)."""
    names = [f"{NAME}-console.exe", f"{NAME}.exe"] if sys.platform == "win32" else [NAME]
    if sys.platform == "darwin" and (bundle.parent / f"{NAME}.app").exists():
        names.insert(0, f"../{NAME}.app/Contents/MacOS/{NAME}")
    for n in names:
        if (bundle / n).is_file():
            return (bundle / n).resolve()
    raise SystemExit(f"no {NAME} executable in {bundle} (build it: pyinstaller --noconfirm build.spec)")


# --- size -----------------------------------------------------------------------------------------
def files_of(bundle: Path) -> list[Path]:
    return [p for p in bundle.rglob("*") if p.is_file() or p.is_symlink()]


def unpacked_size(bundle: Path) -> tuple[int, int | None]:
    total = sum(p.lstat().st_size for p in files_of(bundle))
    du = None
    if shutil.which("du"):
        r = subprocess.run(["du", "-sk", str(bundle)], capture_output=True, text=True)
        if r.returncode == 0:
            du = int(r.stdout.split()[0]) * 1024
    return total, du


def largest_parts(bundle: Path, n: int = 12) -> list[tuple[str, int]]:
    inner = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    parts: dict[str, int] = {}
    for p in files_of(bundle):
        rel = p.relative_to(inner).parts if inner in p.parents else (p.name,)
        key = rel[0] if len(rel) > 1 else "(top-level files: system libraries, libpython, the executable)"
        parts[key] = parts.get(key, 0) + p.lstat().st_size
    return sorted(parts.items(), key=lambda kv: -kv[1])[:n]


def pack(bundle: Path, out_dir: Path, level: int) -> tuple[Path, str]:
    zstd = shutil.which("zstd")
    if zstd:
        out = out_dir / f"{bundle.name}.tar.zst"
        tar = subprocess.Popen(["tar", "-C", str(bundle.parent), "-cf", "-", bundle.name], stdout=subprocess.PIPE)
        z = subprocess.run([zstd, "-q", "-T0", f"-{level}", "--long=27", "-o", str(out), "-f"], stdin=tar.stdout)
        tar.stdout.close()
        if tar.wait() == 0 and z.returncode == 0:
            return out, f".tar.zst (tar | zstd -{level} --long=27)"
    try:
        import zstandard
    except ImportError:
        zstandard = None
    if zstandard is not None:
        out = out_dir / f"{bundle.name}.tar.zst"
        params = zstandard.ZstdCompressionParameters.from_level(level, window_log=27, threads=-1)
        with open(out, "wb") as f, zstandard.ZstdCompressor(compression_params=params).stream_writer(f) as w, \
                tarfile.open(fileobj=w, mode="w|") as t:
            t.add(bundle, arcname=bundle.name)
        return out, f".tar.zst (Python zstandard, level {level})"
    out = out_dir / f"{bundle.name}.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for p in sorted(files_of(bundle)):
            z.write(p, p.relative_to(bundle.parent).as_posix())
    return out, ".zip (deflate 9; no zstd here; links stored as the files they point to)"


# --- start ----------------------------------------------------------------------------------------
def evict(bundle: Path) -> bool:
    """Drop the bundle's files from the page cache (Linux; needs no privileges for clean pages)."""
    if not hasattr(os, "posix_fadvise"):
        return False
    try:
        for p in files_of(bundle):
            if p.is_symlink():
                continue
            fd = os.open(p, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    except OSError:
        return False
    return True


def start_once(exe: Path, env: dict, timeout: float = 120) -> dict:
    t0 = time.time()
    p = subprocess.run([str(exe), "--startup-probe"], capture_output=True, text=True, env=env, timeout=timeout)
    out: dict = {"code": p.returncode}
    for line in p.stdout.splitlines():
        if line.startswith("startup-probe "):
            event = line.split()[1]
            epoch = float(line.split("epoch=")[1].split()[0])
            out[event] = epoch - t0
    if "first-paint" not in out:
        raise SystemExit(f"{exe} --startup-probe printed no first-paint line (exit {p.returncode}):\n"
                         f"{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bundle", default=str(ROOT / "dist" / NAME), help="the bundle folder (default: dist/%(prog)s)")
    ap.add_argument("--runs", type=int, default=5, help="runs after the first, for the median (default 5)")
    ap.add_argument("--level", type=int, default=19, help="zstd level (default 19)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--strict-size", action="store_true", help="exit 1 when a size target is missed")
    args = ap.parse_args(argv)
    bundle = Path(args.bundle).resolve()
    exe = executable(bundle)
    print(f"bundle: {bundle}")

    total, du = unpacked_size(bundle)
    print(f"\nunpacked: {mb(total)} in {len(files_of(bundle))} files" + (f" (du: {mb(du)})" if du else ""))
    for part, size in largest_parts(bundle):
        print(f"  {size / 1e6:7.1f} MB  {part}")

    with tempfile.TemporaryDirectory(prefix="cityindex-pack-") as tmp:
        t0 = time.perf_counter()
        archive, how = pack(bundle, Path(tmp), args.level)
        packed = archive.stat().st_size
        print(f"\npacked: {mb(packed)} as {how}, in {time.perf_counter() - t0:.0f} s")

    env = dict(os.environ)
    if sys.platform.startswith("linux") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    platform = env.get("QT_QPA_PLATFORM", "the desktop's")
    evicted = evict(bundle)
    print(f"\nstart ({exe.name} --startup-probe, Qt platform: {platform}; first run "
          f"{'after evicting the bundle from the page cache' if evicted else 'as the cache is (could not evict)'}):")
    def show(i: int, r: dict) -> None:
        print(f"  run {i}:  first paint {r['first-paint']:.3f} s, project loaded {r.get('loaded', float('nan')):.3f} s")

    first = start_once(exe, env)
    show(1, first)
    runs = []
    for i in range(args.runs):
        runs.append(start_once(exe, env))
        show(i + 2, runs[-1])
    med_paint = statistics.median(r["first-paint"] for r in runs) if runs else first["first-paint"]
    loaded = [r["loaded"] for r in runs if "loaded" in r]
    med_loaded = statistics.median(loaded) if loaded else float("nan")

    rows = [
        ("unpacked size", mb(total), f"<= {mb(TARGETS['unpacked'])}", total <= TARGETS["unpacked"]),
        (f"packed size ({archive.suffix})", mb(packed), f"<= {mb(TARGETS['packed'])}", packed <= TARGETS["packed"]),
        ("first paint, first run", f"{first['first-paint']:.3f} s", f"< {TARGETS['first_paint']:.1f} s",
         first["first-paint"] < TARGETS["first_paint"]),
        (f"first paint, median of {len(runs)}", f"{med_paint:.3f} s", f"< {TARGETS['first_paint']:.1f} s",
         med_paint < TARGETS["first_paint"]),
        (f"project loaded, median of {len(runs)}", f"{med_loaded:.3f} s", "-", None),
    ]
    print(f"\n{'measure':<32}{'value':>12}  {'target':>12}  result")
    for name, value, target, ok in rows:
        print(f"{name:<32}{value:>12}  {target:>12}  {'-' if ok is None else 'met' if ok else 'NOT MET'}")
    missed = [name for name, _v, _t, ok in rows if ok is False]
    if missed:
        print(f"targets missed: {', '.join(missed)}")
    sizes_missed = [name for name in missed if "size" in name]
    return 1 if (args.strict and missed) or (args.strict_size and sizes_missed) else 0


if __name__ == "__main__":
    sys.exit(main())
