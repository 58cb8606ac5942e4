"""Cut Qt's ICU data library down to what a Chinese/English window needs (Linux build step).

    python tools/icu_subset.py LIBICUDATA [--out PATH] [--list]

Why: PySide6's Linux wheel carries ICU's whole data library, libicudata.so.73: 32 MB, the largest
file of the packaged build, with collation, calendars, unit names, break dictionaries and
converters for every language ICU knows. Qt reads little of it: collation (QCollator, the sort of
locale-aware views), locale names and, for encodings outside UTF-8/16/32 and Latin-1, the
converters. The window speaks Chinese or English. So the build keeps

- every item that belongs to no locale (pools, indexes, normalisation, Unicode properties,
  likely subtags, time zones, plural rules, …): a locale falling back finds its root;
- the items of the locales root, en*, zh* in every category (collation, currencies, languages,
  regions, units, zones, number spellings);
- the converters of the encodings Chinese and Western files come in (GB 18030, GBK, Big5,
  Windows-125x, ISO 8859); ICU's algorithmic ones (UTF-*, Latin-1, ASCII) need no file;

and drops the break-iterator dictionaries and rules (Qt breaks text itself), transliteration,
the other languages' items and the other converters. What is dropped is printed.

How: the library is one exported symbol, `icudt73_dat`, holding ICU's "common data" archive
(a header, a table of contents sorted by name, 16-byte aligned items; see ICU's
`ucmndata.h`). `subset()` rewrites that archive with the kept items, byte for byte, and
`build_library()` wraps it in a shared library with the same soname and symbol with binutils
(`objcopy` to an object, `ld -shared` to a library). Other platforms do not ship ICU with Qt
(Windows and macOS Qt use the system's), so the build calls this on Linux only.
"""

from __future__ import annotations

import argparse
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Items named <pkg>/[<category>/]<locale>.res belong to a locale; everything else is shared.
LOCALE_ITEM = re.compile(r"^(?:[a-z]{2,3}|root)(?:_[A-Za-z0-9]+)*\.res$")
KEEP_LOCALES = re.compile(r"^(?:root|en|zh)(?:_|\.res$)")
PAD = b"\xaa"  # what ICU's pkgdata fills alignment gaps with
DROP_CATEGORIES = {"brkitr", "translit"}
KEEP_CONVERTERS = re.compile(
    r"^(?:gb18030|windows-936-2000|ibm-1386_P100-2001|windows-950-2000|ibm-1373_P100-2002|"
    r"ibm-5348_P100-1997|ibm-525[0-8]_P100-1997|ibm-912_P100-1995|ibm-913_P100-2000|"
    r"ibm-914_P100-1995|ibm-915_P100-1995|ibm-920_P100-1995|ibm-923_P100-1998)\.cnv$")


@dataclass
class Archive:
    header: bytes  # ICU's data header (magic, UDataInfo "CmnD", copyright), kept as it is
    items: dict[str, bytes]  # name → item bytes, in the table's order


def find_data(lib: bytes) -> tuple[int, int, str]:
    """(offset, size, symbol) of the exported `icudtNN_dat` archive in an ELF shared library."""
    if lib[:4] != b"\x7fELF" or lib[4] != 2 or lib[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF library")
    shoff, = struct.unpack_from("<Q", lib, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", lib, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", lib, shoff + i * shentsize) for i in range(shnum)]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    strtab = sections[dynsym[6]]
    for k in range(dynsym[5] // 24):
        name_off, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", lib, dynsym[4] + 24 * k)
        start = strtab[4] + name_off
        name = lib[start:lib.index(b"\0", start)].decode()
        if re.fullmatch(r"icudt\d+_dat", name):
            sec = sections[shndx]
            return sec[4] + (value - sec[3]), size, name
    raise ValueError("no icudtNN_dat symbol: not an ICU data library")


def parse(dat: bytes) -> Archive:
    header_size, magic1, magic2 = struct.unpack_from("<HBB", dat, 0)
    if (magic1, magic2) != (0xDA, 0x27) or dat[12:16] != b"CmnD":
        raise ValueError("not an ICU common data archive")
    if dat[8] != 0:
        raise ValueError("a big-endian ICU archive")
    count, = struct.unpack_from("<I", dat, header_size)
    entries = [struct.unpack_from("<II", dat, header_size + 4 + 8 * i) for i in range(count)]
    ends = [e[1] for e in entries[1:]] + [len(dat) - header_size]
    items = {}
    for (name_off, data_off), end in zip(entries, ends):
        name_at = header_size + name_off
        name = dat[name_at:dat.index(b"\0", name_at)].decode("ascii")
        items[name] = dat[header_size + data_off:header_size + end]
    return Archive(dat[:header_size], items)


def _pad(n: int, align: int = 16) -> int:
    return (-n) % align


def serialise(archive: Archive) -> bytes:
    """The archive as ICU reads it: count, (name offset, data offset) pairs sorted by name, names, items."""
    names = sorted(archive.items, key=lambda n: n.encode("ascii"))
    count = len(names)
    table = 4 + 8 * count
    blob = b"".join(n.encode("ascii") + b"\0" for n in names)
    name_offsets, at = [], table
    for n in names:
        name_offsets.append(at)
        at += len(n) + 1
    at += _pad(len(archive.header) + at)
    body, data_offsets = bytearray(), []
    for n in names:
        data_offsets.append(at + len(body))
        item = archive.items[n]
        body += item + PAD * _pad(len(item))
    toc = struct.pack("<I", count) + b"".join(struct.pack("<II", a, b) for a, b in zip(name_offsets, data_offsets))
    head = archive.header + toc + blob
    return head + PAD * _pad(len(head)) + bytes(body)


def keep(name: str) -> bool:
    """Whether the build keeps the item `name` (as in the table: icudt73l/coll/zh.res)."""
    parts = name.split("/")[1:]
    leaf = parts[-1]
    if len(parts) > 1 and parts[0] in DROP_CATEGORIES:
        return False
    if leaf.endswith(".cnv"):
        return bool(KEEP_CONVERTERS.match(leaf))
    if LOCALE_ITEM.match(leaf) and leaf not in ("pool.res", "res_index.res"):
        return bool(KEEP_LOCALES.match(leaf))
    return True


def subset(dat: bytes) -> tuple[bytes, list[tuple[str, int]]]:
    """(the smaller archive, [(dropped item, bytes)])."""
    archive = parse(dat)
    kept = {n: b for n, b in archive.items.items() if keep(n)}
    dropped = [(n, len(b)) for n, b in archive.items.items() if n not in kept]
    return serialise(Archive(archive.header, kept)), dropped


def build_library(dat: bytes, symbol: str, soname: str, out: Path) -> None:
    """A shared library exporting `symbol` = the archive `dat` (16-byte aligned, read-only), with binutils."""
    objcopy, ld = shutil.which("objcopy"), shutil.which("ld")
    if not (objcopy and ld):
        raise RuntimeError("objcopy and ld (binutils) are needed to rebuild the ICU data library")
    with tempfile.TemporaryDirectory() as tmp:
        src, obj = Path(tmp) / "icudata.bin", Path(tmp) / "icudata.o"
        src.write_bytes(dat)
        raw = "_binary_" + re.sub(r"[^A-Za-z0-9]", "_", str(src)) + "_"
        subprocess.run([objcopy, "-I", "binary", "-O", "elf64-x86-64", "-B", "i386:x86-64",
                        "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
                        "--set-section-alignment", ".rodata=16",
                        "--redefine-sym", f"{raw}start={symbol}",
                        "--strip-symbol", f"{raw}end", "--strip-symbol", f"{raw}size",
                        str(src), str(obj)], check=True, capture_output=True)
        tmp_out = Path(tmp) / soname
        subprocess.run([ld, "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(tmp_out), str(obj)],
                       check=True, capture_output=True)
        shutil.copyfile(tmp_out, out)


def shrink_library(path: Path, out: Path | None = None) -> tuple[int, int, list[tuple[str, int]]]:
    """Rewrite the ICU data library at `path` (or write to `out`); returns (bytes before, after, dropped)."""
    lib = path.read_bytes()
    offset, size, symbol = find_data(lib)
    small, dropped = subset(lib[offset:offset + size])
    soname = path.name
    target = out or path
    tmp = target.with_name(target.name + ".part")
    build_library(small, symbol, soname, tmp)
    check = parse(small)  # what ICU will read: every kept item present, byte for byte
    original = parse(lib[offset:offset + size])
    if any(original.items[n] != b for n, b in check.items.items()):
        tmp.unlink()
        raise RuntimeError("the rewritten ICU archive differs from the original in a kept item")
    tmp.replace(target)
    return len(lib), target.stat().st_size, dropped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("library", type=Path)
    ap.add_argument("--out", type=Path, help="write here instead of replacing the library")
    ap.add_argument("--list", action="store_true", help="print every dropped item")
    args = ap.parse_args(argv)
    before, after, dropped = shrink_library(args.library, args.out)
    print(f"{args.library.name}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB, {len(dropped)} ICU items dropped")
    if args.list:
        for name, size in dropped:
            print(f"    {name} ({size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
