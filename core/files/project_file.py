"""The project file (`.cidx`): one file holding everything a project is (DESIGN §3).

A `.cidx` is a zip package with two JSON members:

- `manifest.json`: what the file is (`format`), its `schema_version`, the `app_version`
  that wrote it, when, and (for a recovery file) which project it recovers;
- `project.json`: the framework (every field of every node, children in order), the data
  (units, values with NaN as null, groups, file/sheet names, unit rows, headers, and the
  data sheet as read, so that a structural edit can re-read new columns), the settings,
  the problems found when the inputs were read, `scenarios` (a list), `expert_inputs`
  (a dict) and any other `extra` a later feature adds.

A plain `project.json` (or a `.cidx` that is just that JSON, for instance after a user
edited it by hand) is read too. Saving is atomic (temporary file, then rename) and keeps
the last `BACKUPS` versions beside the file (`name.cidx.1.bak` the newest). Reading
refuses, with a message that says why and what to do (`InputError`): a file of a newer
schema, a truncated or damaged file, JSON broken by hand (with its line and column),
a missing key. Older schemas are brought up to date by `MIGRATIONS`, one step at a time.

A whole document (core.model.document.Document: the project with its scenarios, expert inputs,
history, frozen rounds, extras and locked weights) is saved by `save_document` and read by
`load_document`, in the same format: the history, rounds and extras (and the locked weights, when
there are any) go into `extra`, so a reader that knows only `read_project` opens the file too.

`write_recovery` / `find_recovery` keep an autosave beside the user's data folder
(platformdirs), for the window's timer and for the offer after a crash; no Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import math
import os
import shutil
import stat
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from core import __version__
from core.files.atomic import WriteError, atomic_path
from core.model.dataset import Dataset
from core.model.document import Document, expert_inputs, with_expert_inputs
from core.model.editions import Edition
from core.model.framework import Framework, Node, check_structure
from core.model.method_checks import check_bod_shares
from core.model.problems import InputError, Problem, ProblemList
from core.model.project import Project
from core.model.records import History, rounds_from_json
from core.model.scenarios import scenarios_from_json, scenarios_to_json
from core.model.settings import Settings, parse_settings
from core.model.table import Table

SUFFIX = ".cidx"
FORMAT = "CityIndex Studio project"
SCHEMA_VERSION = 1
BACKUPS = 3
MANIFEST = "manifest.json"
PROJECT = "project.json"
APP_NAME = "CityIndexStudio"
RECOVERY_SUFFIX = ".recovery" + SUFFIX
# the keys of a file's `extra` a Document reads (the others are kept in Document.other)
EXTRA_KEYS = ("history", "rounds", "extras", "locked")


def _identity_v0(doc: dict) -> dict:
    """Schema 0, the layout before the version number counted, has the keys of schema 1."""
    return doc


# from_version -> function(doc) returning the document of from_version + 1
MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _identity_v0}


@dataclass
class ProjectFile:
    """Everything a project file holds; `project` is what the engine needs."""

    project: Project
    scenarios: list = field(default_factory=list)
    expert_inputs: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION
    app_version: str = ""
    manifest: dict = field(default_factory=dict)


# --- encoding --------------------------------------------------------------------------------
def _cell(v: Any) -> Any:
    """A table cell as JSON, keeping its type (readers keep numbers, text, dates apart)."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, (float, np.floating)):
        f = float(v)
        return f if math.isfinite(f) else {"$float": repr(f)}
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, dt.datetime):
        return {"$datetime": v.isoformat()}
    if isinstance(v, dt.date):
        return {"$date": v.isoformat()}
    if isinstance(v, dt.time):
        return {"$time": v.isoformat()}
    if isinstance(v, dt.timedelta):
        return {"$timedelta": v.total_seconds()}
    return str(v)


def _uncell(v: Any) -> Any:
    if isinstance(v, dict):
        if "$float" in v:
            return float(v["$float"])
        if "$datetime" in v:
            return dt.datetime.fromisoformat(v["$datetime"])
        if "$date" in v:
            return dt.date.fromisoformat(v["$date"])
        if "$time" in v:
            return dt.time.fromisoformat(v["$time"])
        if "$timedelta" in v:
            return dt.timedelta(seconds=v["$timedelta"])
        raise ValueError(f"unknown cell {v!r}")
    return v


def _floats(a: np.ndarray) -> list:
    return [[None if math.isnan(x) else float(x) for x in row] for row in a.tolist()]


def json_safe(o: Any) -> Any:
    """Plain JSON types only (NaN → null); anything else becomes its text."""
    if isinstance(o, dict):
        return {str(k): json_safe(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [json_safe(v) for v in o]
    if isinstance(o, (float, np.floating)):
        return float(o) if math.isfinite(o) else None
    if isinstance(o, np.integer):
        return int(o)
    if o is None or isinstance(o, (bool, int, str)):
        return o
    return str(o)


def project_dict(project: Project, extra: dict | None = None) -> dict:
    """The JSON document of a project (schema `SCHEMA_VERSION`)."""
    fw, ds, t = project.framework, project.data, project.data_table
    extra = dict(extra or {})
    doc = {
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "source": project.source,
        "framework": {
            "root": fw.root,
            "nodes": [json_safe(asdict(n)) for n in fw.nodes.values()],
            "children": {c: list(k) for c, k in fw.children.items()},
        },
        "data": _dataset_dict(ds, t),
        "settings": dict(project.settings.to_dict(), extra=json_safe(project.settings.extra)),
        "problems": [json_safe(p.to_dict()) for p in project.problems],
        "scenarios": json_safe(extra.pop("scenarios", [])),
        "expert_inputs": json_safe(extra.pop("expert_inputs", {})),
        "extra": json_safe(extra),
    }
    if project.editions:  # the older editions; the latest is "data" (an older reader opens it alone)
        last = project.editions[-1]
        doc["editions"] = [{"label": e.label, "data": None if e is last else _dataset_dict(e.data, e.table)}
                           for e in project.editions]
    return doc


def _dataset_dict(ds: Dataset, t: Table | None) -> dict:
    """One edition's data (or a one-edition project's) and the sheet it was parsed from."""
    return {
        "units": list(ds.units),
        "columns": [str(c) for c in ds.values.columns],
        "values": _floats(ds.values.to_numpy(dtype=float)),
        "group_columns": [str(c) for c in ds.groups.columns],
        "groups": [[_cell(v) for v in row] for row in ds.groups.to_numpy(dtype=object).tolist()]
        if len(ds.groups.columns) else [],
        "file": ds.file,
        "sheet": ds.sheet,
        "unit_rows": {str(u): r for u, r in ds.unit_rows.items()},
        "headers": {str(k): str(v) for k, v in ds.headers.items()},
        "unit_header": ds.unit_header,
        "table": None if t is None else dict({
            "file": t.file, "sheet": t.sheet, "header": [_cell(h) for h in t.header],
            "rows": [[_cell(v) for v in row] for row in t.rows], "header_row": t.header_row,
        }, **({} if t.row_numbers is None else {"row_numbers": list(t.row_numbers)})),
    }


# --- decoding --------------------------------------------------------------------------------
class _Missing(Exception):
    pass


def _need(d: Any, key: str, where: str) -> Any:
    if not isinstance(d, dict):
        raise _Missing(f"'{where}' should be an object (a JSON dictionary)")
    if key not in d:
        raise _Missing(f"the key '{where + '.' if where else ''}{key}' is missing")
    return d[key]


def _framework(doc: dict, name: str) -> Framework:
    f = _need(doc, "framework", "")
    root = _need(f, "root", "framework")
    names = {fl.name for fl in fields(Node)}
    nodes = {}
    for i, nd in enumerate(_need(f, "nodes", "framework")):
        if not isinstance(nd, dict) or "code" not in nd:
            raise _Missing(f"the key 'framework.nodes[{i}].code' is missing")
        unknown = set(nd) - names
        if unknown:
            raise _Missing(f"framework.nodes[{i}] has unknown fields: {', '.join(sorted(unknown))}")
        n = Node(**nd)
        nodes[n.code] = n
    problems = ProblemList()
    fw = check_structure(nodes, problems, name, "framework")
    if fw is None or problems.has_errors:
        raise InputError(ProblemList([_p(f"the framework inside is broken: {p.message}", name)
                                      for p in problems.errors]))
    if fw.root != root:
        raise _Missing(f"framework.root is '{root}' but the tree's root is '{fw.root}'")
    stored = f.get("children")
    if isinstance(stored, dict):
        children = {c: tuple(stored.get(c, ())) for c in fw.nodes}
        if all(sorted(children[c]) == sorted(fw.children[c]) for c in fw.nodes):
            fw = Framework(fw.nodes, fw.root, children)  # keep the saved order of siblings
    return fw


def _dataset(doc: dict) -> tuple[Dataset, Table | None]:
    return _dataset_of(_need(doc, "data", ""))


def _editions(doc: dict, latest: Dataset, latest_table: Table | None) -> tuple[Edition, ...]:
    """The saved editions (a file without them: a one-edition project, as before editions existed)."""
    eds = doc.get("editions")
    if not eds:
        return ()
    if not isinstance(eds, list):
        raise _Missing("'editions' should be a list")
    out = []
    for i, e in enumerate(eds):
        label = str(_need(e, "label", f"editions[{i}]"))
        if i == len(eds) - 1:
            out.append(Edition(label, latest, latest_table))
        else:
            ds, table = _dataset_of(_need(e, "data", f"editions[{i}]"))
            out.append(Edition(label, ds, table))
    return tuple(out)


def _dataset_of(d: dict) -> tuple[Dataset, Table | None]:
    units = [str(u) for u in _need(d, "units", "data")]
    cols = [str(c) for c in _need(d, "columns", "data")]
    vals = _need(d, "values", "data")
    if len(vals) != len(units) or any(len(r) != len(cols) for r in vals):
        raise _Missing(f"data.values should have {len(units)} rows of {len(cols)} values")
    arr = np.array([[np.nan if v is None else float(v) for v in r] for r in vals], dtype=float)
    values = pd.DataFrame(arr.reshape(len(units), len(cols)), index=pd.Index(units, name="unit"), columns=cols)
    gcols = [str(c) for c in d.get("group_columns", [])]
    if gcols:
        grows = _need(d, "groups", "data")
        if len(grows) != len(units) or any(len(r) != len(gcols) for r in grows):
            raise _Missing(f"data.groups should have {len(units)} rows of {len(gcols)} values")
        groups = pd.DataFrame([[_uncell(v) for v in r] for r in grows], index=pd.Index(units, name="unit"),
                              columns=gcols, dtype=object)
    else:
        groups = pd.DataFrame(index=pd.Index(units, name="unit"))
    ds = Dataset(tuple(units), values, groups, str(d.get("file", "")), str(d.get("sheet", "")),
                 {str(u): (None if r is None else int(r)) for u, r in d.get("unit_rows", {}).items()},
                 {str(k): str(v) for k, v in d.get("headers", {}).items()}, str(d.get("unit_header", "unit")))
    t = d.get("table")
    table = None
    if t is not None:
        table = Table(str(_need(t, "file", "data.table")), str(_need(t, "sheet", "data.table")),
                      [_uncell(h) for h in _need(t, "header", "data.table")],
                      [[_uncell(v) for v in row] for row in _need(t, "rows", "data.table")],
                      int(t.get("header_row", 1)),
                      [int(n) for n in t["row_numbers"]] if t.get("row_numbers") is not None else None)
    return ds, table


def _settings(doc: dict, name: str) -> Settings:
    s = _need(doc, "settings", "")
    if not isinstance(s, dict):
        raise _Missing("'settings' should be an object (a JSON dictionary)")
    extra = s.get("extra") or {}
    problems = ProblemList()
    rows = [(None, k, v) for k, v in s.items() if k != "extra"]
    settings = parse_settings(rows, problems, name, "settings")
    if problems.has_errors:
        raise InputError(ProblemList([_p(f"a setting inside is not valid: {p.message} (value: {p.value!r})",
                                         name) for p in problems.errors]))
    return settings.with_(extra=dict(extra) if isinstance(extra, dict) else {})


def _check_methods(fw: Framework, settings: Settings, name: str) -> None:
    """The checks an input workbook gets that need the tree and the settings together (BoD share
    bounds every bod node can meet): a project file edited by hand, or written before the check,
    is refused with the same message instead of scoring every unit 0."""
    bad = ProblemList()
    where = {"file": name, "sheet": "settings"}
    check_bod_shares(fw, settings, bad, where, where)
    if bad.has_errors:
        raise InputError(bad)


def _problems(doc: dict) -> ProblemList:
    names = {fl.name for fl in fields(Problem)}
    out = ProblemList()
    for p in doc.get("problems", []):
        if isinstance(p, dict) and {"severity", "kind", "message"} <= set(p):
            out.items.append(Problem(**{k: v for k, v in p.items() if k in names}))
    return out


def _p(message: str, name: str) -> Problem:
    return Problem("error", "project_file", message, file=name, args={"detail": message})


def _fail(message: str, name: str) -> InputError:
    return InputError([_p(message, name)])


def _backups_hint(path: Path) -> str:
    have = [b.name for b in backup_paths(path) if b.exists()]
    hint = f"; the previous versions are kept as {', '.join(have)}" if have else ""
    rec = [p for p in find_recovery() if recovery_origin(p) == str(path.resolve())] if path.name else []
    if rec:
        hint += f"; a recovery file exists: {rec[0]}"
    return hint


def migrate(doc: dict, name: str = "") -> dict:
    """Bring a document of an older schema up to `SCHEMA_VERSION`, one step at a time."""
    v = doc.get("schema_version")
    if not isinstance(v, int) or isinstance(v, bool):
        raise _fail(f"this project file has no valid schema_version ({v!r}); it was not written by "
                    "CityIndex Studio or was edited by hand", name)
    if v > SCHEMA_VERSION:
        raise _fail(f"this project file was made by a newer version of CityIndex Studio (schema {v} > "
                    f"{SCHEMA_VERSION}); update the application to open it", name)
    while v < SCHEMA_VERSION:
        step = MIGRATIONS.get(v)
        if step is None:
            raise _fail(f"this project file has schema {v}, which this version cannot convert "
                        f"(no migration from schema {v})", name)
        doc = step(dict(doc))
        v += 1
        doc["schema_version"] = v
    return doc


def project_from_dict(doc: dict, name: str = "", source: str = "") -> ProjectFile:
    """A ProjectFile from a (possibly older) JSON document; InputError when it is not usable."""
    if not isinstance(doc, dict):
        raise _fail("the project data is not a JSON object", name)
    doc = migrate(doc, name)
    try:
        fw = _framework(doc, name)
        ds, table = _dataset(doc)
        editions = _editions(doc, ds, table)
        settings = _settings(doc, name)
        _check_methods(fw, settings, name)
        problems = _problems(doc)
        scenarios = doc.get("scenarios", [])
        experts = doc.get("expert_inputs", {})
        if not isinstance(scenarios, list) or not isinstance(experts, dict):
            raise _Missing("'scenarios' should be a list and 'expert_inputs' an object")
    except _Missing as e:
        raise _fail(f"the project file is incomplete: {e}", name) from None
    except (TypeError, ValueError, KeyError, AttributeError) as e:
        raise _fail(f"the project file's content is not as expected ({type(e).__name__}: {e})", name) from None
    project = Project(fw, ds, settings, problems, source or str(doc.get("source", "")), table, editions)
    return ProjectFile(project, scenarios, experts, dict(doc.get("extra") or {}), SCHEMA_VERSION,
                       str(doc.get("app_version", "")))


# --- the whole document --------------------------------------------------------------------
def document_extra(doc: Document) -> dict:
    """What `save_project(doc.project, path, extra=...)` carries for a Document: scenarios, expert
    inputs, the history, the frozen rounds, `extras`, the keys of `other`, and the locked weights
    (only when some are locked, so a document without locks gives the file it always gave)."""
    extra = {"scenarios": scenarios_to_json(doc.scenarios), "expert_inputs": json_safe(expert_inputs(doc)),
             "history": doc.history.to_json(), "rounds": json_safe(list(doc.rounds)),
             "extras": json_safe(dict(doc.extras))}
    extra.update((k, v) for k, v in doc.other.items() if k not in extra and k not in EXTRA_KEYS)
    if doc.locked:
        extra["locked"] = sorted(doc.locked)
    return extra


def document_of(pf: ProjectFile) -> tuple[Document, list[str]]:
    """The Document a read project file holds, and messages about the parts that could not be read
    (a broken scenario, history entry or round is skipped, not a reason to refuse the project)."""
    errors: list[str] = []
    extra = pf.extra if isinstance(pf.extra, dict) else {}
    extras = extra.get("extras")
    locked = extra.get("locked", [])
    if not isinstance(locked, list):
        errors.append("the locked weights are not a list; none were read")
        locked = []
    doc = Document(pf.project, tuple(scenarios_from_json(pf.scenarios, errors)),
                   history=History.from_json(extra.get("history", []), errors),
                   rounds=tuple(rounds_from_json(extra.get("rounds", []), errors)),
                   extras=dict(extras) if isinstance(extras, dict) else {},
                   locked=frozenset(str(c) for c in locked if str(c) in pf.project.framework.nodes),
                   other={k: v for k, v in extra.items() if k not in EXTRA_KEYS})
    return with_expert_inputs(doc, pf.expert_inputs), errors


def load_document(path: str | Path) -> tuple[Document, list[str]]:
    """Read a project file as a whole Document (`read_project`, then `document_of`): `InputError`
    when the project itself cannot be used; messages about skipped parts otherwise."""
    return document_of(read_project(path))


# --- reading --------------------------------------------------------------------------------
def _json(text: bytes, member: str, name: str) -> Any:
    try:
        s = text.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _fail(f"{member} is not UTF-8 text (byte {e.start}); the file is damaged or was saved with "
                    "another encoding", name) from None
    try:
        return json.loads(s)
    except json.JSONDecodeError as e:
        raise _fail(f"{member} is not valid JSON at line {e.lineno}, column {e.colno}: {e.msg}. If you edited "
                    "it by hand, correct it there; otherwise the file is damaged", name) from None


def read_project(path: str | Path) -> ProjectFile:
    """Read a project file; `InputError` with a clear message when it cannot be used."""
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(f"the project file was not found (looked for '{path}')", name) from None
    except IsADirectoryError:
        raise _fail("this is a folder, not a project file", name) from None
    except OSError as e:
        raise _fail(f"the project file cannot be read: {e.strerror or e}", name) from None
    if not raw.strip():
        raise _fail("the project file is empty (0 bytes of content): it was not saved completely"
                    + _backups_hint(path), name)
    manifest: dict = {}
    if raw.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                members = set(z.namelist())
                if PROJECT not in members:
                    raise _fail(f"this zip file is not a CityIndex Studio project (no {PROJECT} inside)", name)
                if MANIFEST in members:
                    m = _json(z.read(MANIFEST), MANIFEST, name)
                    manifest = m if isinstance(m, dict) else {}
                mv = manifest.get("schema_version")
                if isinstance(mv, int) and not isinstance(mv, bool) and mv > SCHEMA_VERSION:
                    migrate({"schema_version": mv}, name)  # raises the "newer version" message
                body = z.read(PROJECT)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as e:
            raise _fail(f"the project file is damaged or incomplete (truncated?): {e}. It cannot be opened"
                        + _backups_hint(path), name) from None
        doc = _json(body, PROJECT, name)
    elif raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        doc = _json(raw, name, name)
    else:
        raise _fail("this is not a CityIndex Studio project file (neither a .cidx package nor JSON)"
                    + _backups_hint(path), name)
    pf = project_from_dict(doc, name, str(path))
    pf.manifest = manifest
    return pf


def load_project(path: str | Path) -> Project:
    return read_project(path).project


# --- writing --------------------------------------------------------------------------------
def backup_paths(path: str | Path) -> list[Path]:
    path = Path(path)
    return [path.with_name(f"{path.name}.{i}.bak") for i in range(1, BACKUPS + 1)]


def _rotate(path: Path) -> None:
    """name.2.bak → name.3.bak, name.1.bak → name.2.bak, a copy of the current file → name.1.bak."""
    if not path.exists():
        return
    baks = backup_paths(path)
    try:
        for older, newer in zip(reversed(baks[1:]), reversed(baks[:-1])):
            if newer.exists():
                os.replace(newer, older)
        # the copy is whole or absent, like every file we write, and as private as the file itself
        with atomic_path(baks[0], mode=stat.S_IMODE(path.stat().st_mode)) as tmp:
            shutil.copy2(path, tmp)
    except OSError as e:  # WriteError included
        why = e.strerror or e
        raise WriteError.of("write_backup_failed", name=path.name, backup=baks[0].name, why=why) from e


class SaveCancelled(Exception):
    """The user cancelled a save: nothing was written, the previous file and its backups are as they were."""


CHUNK = 1 << 20  # the project's JSON is written a megabyte at a time, so a save can be cancelled and measured


def _write_package(tmp: Path, doc: dict, manifest_extra: dict | None = None, progress=None, cancelled=None) -> None:
    """`progress(fraction)` and `cancelled()` (both optional) for a save off the GUI thread: the JSON text
    is made first (about a tenth of the time), then written in chunks, checking `cancelled` before each
    (without either, in one piece)."""
    def check() -> None:
        if cancelled is not None and cancelled():
            raise SaveCancelled("save cancelled")

    check()
    body = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
    if progress is not None:
        progress(0.1)
    manifest = {"format": FORMAT, "schema_version": doc["schema_version"], "app_version": __version__,
                "saved": dt.datetime.now().astimezone().isoformat(timespec="seconds"), **(manifest_extra or {})}
    with open(tmp, "wb") as f:
        with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            if progress is None and cancelled is None:
                z.writestr(PROJECT, body)
            else:
                with z.open(PROJECT, "w", force_zip64=len(body) > 2**31) as part:
                    for start in range(0, len(body), CHUNK):
                        check()
                        part.write(body[start:start + CHUNK])
                        if progress is not None:
                            progress(0.1 + 0.9 * min(1.0, (start + CHUNK) / len(body)))
        f.flush()
        os.fsync(f.fileno())


def save_project(project: Project, path: str | Path, extra: dict | None = None, backups: bool = True,
                 progress=None, cancelled=None) -> Path:
    """Write the project atomically; the file it replaces becomes `name.1.bak` (3 kept).

    `extra`: `scenarios` (list), `expert_inputs` (dict) and anything else JSON-able.
    Raises `WriteError` with a clear message when the file cannot be written; a failure
    half-way leaves the previous file and its backups as they were. `progress(fraction)` and
    `cancelled()` serve the window's progress dialog: a cancel raises `SaveCancelled`, and
    like a failure it leaves the previous file and its backups as they were.
    """
    path = Path(path)
    doc = project_dict(project, extra)
    with atomic_path(path, before_replace=(lambda: _rotate(path)) if backups else None) as tmp:
        _write_package(tmp, doc, progress=progress, cancelled=cancelled)
    return path


def save_document(doc: Document, path: str | Path, backups: bool = True, progress=None, cancelled=None) -> Path:
    """Write a whole Document: `save_project` of its project with `document_extra` (same atomic write,
    backups, progress, cancel and errors)."""
    return save_project(doc.project, path, extra=document_extra(doc), backups=backups, progress=progress,
                        cancelled=cancelled)


# --- recovery -------------------------------------------------------------------------------
def recovery_dir() -> Path:
    """The user's data folder (platformdirs); CITYINDEX_RECOVERY_DIR overrides it (tests, portable use)."""
    override = os.environ.get("CITYINDEX_RECOVERY_DIR")
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "recovery"


def autosave_path(project_path: str | Path | None) -> Path:
    """Where the autosave of this project goes (one per project file; 'untitled' for a new one)."""
    if project_path is None:
        return recovery_dir() / f"untitled{RECOVERY_SUFFIX}"
    p = Path(project_path).resolve()
    digest = hashlib.sha1(str(p).encode("utf-8")).hexdigest()[:8]
    return recovery_dir() / f"{p.stem}.{digest}{RECOVERY_SUFFIX}"


def write_recovery(project: Project | Document, path: str | Path | None, extra: dict | None = None) -> Path:
    """Autosave `project` (whose file is `path`, or None when never saved); returns the recovery file.
    A whole Document may be given instead (its `document_extra` is then the `extra`)."""
    if isinstance(project, Document):
        project, extra = project.project, document_extra(project)
    target = autosave_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    origin = None if path is None else str(Path(path).resolve())
    doc = project_dict(project, extra)
    with atomic_path(target) as tmp:
        _write_package(tmp, doc, {"recovery_of": origin})
    return target


def find_recovery() -> list[Path]:
    """Recovery files left by a session that did not close normally, newest first."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"*{RECOVERY_SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def recovery_origin(recovery: str | Path) -> str | None:
    """The project file a recovery file belongs to (None: a project never saved, or unreadable)."""
    with contextlib.suppress(Exception), zipfile.ZipFile(recovery) as z:
        return json.loads(z.read(MANIFEST)).get("recovery_of")
    return None


def discard_recovery(project_path: str | Path | None) -> None:
    """Remove the recovery file of a project (after a normal save or close)."""
    with contextlib.suppress(FileNotFoundError):
        autosave_path(project_path).unlink()
