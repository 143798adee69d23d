"""What a build keeps beside its site for the next one: the manifest, and sets of parts.

The manifest (`.site.manifest.json` beside `site/`) stores each file's
fingerprint with the identity of the file it describes (inode, size,
modification time), so if the site and the manifest ever disagree (a build
killed between the swap and the manifest write), the file simply fails the
check and is made again: a wrong reuse is not possible. It also names the site
it was written for (`fingerprints.site_digest`), as the site's own marker file
does (write.MARKER); when the two differ (the site was replaced by hand, or by a
build that did not finish), the manifest and everything kept beside the site are
set aside (`forget`) and the site is made from scratch. The manifest is written
last, so one that names the site says that everything else was kept for it too.

The parts (`.site.parts/`) are sets of entries, name -> (key, bytes), one
pickle file per set, each written whole and atomically. An entry is used only
when its key, a hash of everything it was made from, is the one wanted now.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path

from minutebook import write

MANIFEST_VERSION = 2  # 2: names the site it describes
PARTS_FORMAT = "minutebook parts 5"  # 5: pickled


def folder(out_dir: Path) -> Path:
    out_dir = Path(os.path.abspath(out_dir))
    return out_dir.parent / f".{out_dir.name}.parts"


def manifest_path(out_dir: Path) -> Path:
    out_dir = Path(os.path.abspath(out_dir))
    return out_dir.parent / f".{out_dir.name}.manifest.json"


def set_path(out_dir: Path, name: str) -> Path:
    return folder(out_dir) / f"{name}.pickle"


# ---------------------------------------------------------------- the manifest


def _identity(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def read_manifest(out_dir: Path) -> dict[str, list] | None:
    """The previous build's fingerprints, or None unless the manifest names the site beside it."""
    try:
        data = json.loads(manifest_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION or not isinstance(data.get("files"), dict):
        return None
    site = write.site_id(out_dir)
    return data["files"] if site is not None and data.get("site") == site else None


def write_manifest(out_dir: Path, prints: Mapping[str, str], site: str) -> None:
    """Record this build's fingerprints against the files now in `out_dir`, the site named `site`."""
    top = os.fspath(out_dir)
    files = {}
    for path, fingerprint in prints.items():
        identity = _identity(os.path.join(top, path))
        if identity:
            files[path] = [fingerprint, identity]
    _replace(manifest_path(out_dir), json.dumps({"version": MANIFEST_VERSION, "site": site, "files": files}).encode())


def reusable(out_dir: Path, prints: Mapping[str, str], manifest: Mapping[str, list]) -> dict[str, Path]:
    """Files whose previous output can be reused as is: path -> the old file."""
    top = os.fspath(out_dir)
    found = {}
    for path, fingerprint in prints.items():
        entry = manifest.get(path)
        if entry and entry[0] == fingerprint:
            old = os.path.join(top, path)
            if _identity(old) == entry[1]:
                found[path] = Path(old)
    return found


def same_as_before(out_dir: Path, made: Mapping[str, bytes]) -> dict[str, bytes | Path]:
    """`made`, with each file that came out exactly as the site already holds it given as that old file,
    so it is carried over rather than written: a search words file, remade whenever the index is,
    seldom changes."""
    out = {}
    for path, data in made.items():
        old = Path(out_dir) / path
        try:
            same = old.stat().st_size == len(data) and old.read_bytes() == data
        except OSError:
            same = False
        out[path] = old if same else data
    return out


def forget(out_dir: Path) -> None:
    """Set aside everything kept beside `out_dir` (the manifest, the parts, any compiled templates):
    they are trusted only beside the site they were kept with."""
    manifest_path(out_dir).unlink(missing_ok=True)
    shutil.rmtree(folder(out_dir), ignore_errors=True)


# ---------------------------------------------------------------- sets of parts
#
# Pickle is safe here: it reads back only files a build wrote into its own folder beside the site,
# trusted only beside the site the manifest names (`forget`), or beside Minutebook's code, which whoever
# could write there could change as well (compiled.py). Each file begins with the hash of
# Minutebook's own code (`code`, fingerprints.tree_digest of the package), and the rest is read only
# when that matches: another version of Minutebook never unpickles objects of classes it does not have.
# (The set that keeps that hash itself, cache.CODE, begins with the stamp of the code's files instead.)
# The entries themselves are plain (str keys, bytes), whatever their bytes hold.


def set_names(out_dir: Path, prefix: str) -> list[str]:
    """The names of the sets kept beside `out_dir` whose names begin `prefix` and a hyphen."""
    top = folder(out_dir)
    return sorted(path.stem for path in top.glob(f"{prefix}-*.pickle")) if top.is_dir() else []


def read_set(out_dir: Path, name: str, code: str) -> dict[str, tuple[str, bytes]]:
    """The set kept under `name` by this version of the code; empty when it is missing, damaged or
    another version's, so its parts are simply made again."""
    entries = read_kept(out_dir, name, code)
    return entries if isinstance(entries, dict) else {}


def read_kept(out_dir: Path, name: str, code: str) -> object:
    """What was kept under `name` by this version of the code; None when it is missing, damaged or another
    version's."""
    return read_file(set_path(out_dir, name), code)


def read_file(path: Path, code: str) -> object:
    """What was kept in the file `path` by this version of the code; None when it is missing, damaged or
    another version's."""
    try:
        with open(path, "rb") as kept:
            if pickle.load(kept) != (PARTS_FORMAT, code):
                return None
            return pickle.load(kept)
    except Exception:  # noqa: BLE001 - missing, cut short or damaged: any of pickle's many errors
        return None


def write_set(
    out_dir: Path, name: str, code: str, entries: Mapping[str, tuple[str, bytes]], was: Mapping | None = None
) -> None:
    """Keep `entries` under `name`, unless they are what was read (`was`): an unchanged set is not written again."""
    entries = dict(entries)
    if was is not None and entries == was:
        return
    write_kept(out_dir, name, code, entries)


def write_kept(out_dir: Path, name: str, code: str, entries: object) -> None:
    """Keep `entries` under `name`, for this version of the code."""
    folder(out_dir).mkdir(exist_ok=True)
    write_file(set_path(out_dir, name), code, entries)


def write_file(target: Path, code: str, entries: object) -> None:
    """Keep `entries` in the file `target`, for this version of the code, whole or not at all."""
    temporary = target.with_name(target.name + f".{os.getpid()}")
    try:
        with open(temporary, "wb") as kept:  # pickled straight into the file: a large set is never held twice
            pickle.dump((PARTS_FORMAT, code), kept, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(entries, kept, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def prune(out_dir: Path, names: set[str], folders: AbstractSet[Path] = frozenset()) -> None:
    """Drop the sets not in `names` (a year with no meetings left), and folders not in `folders`."""
    top = folder(out_dir)
    for path in top.iterdir() if top.is_dir() else ():
        if path.is_dir():
            if path not in folders:
                shutil.rmtree(path, ignore_errors=True)
        elif path.suffix != ".pickle" or path.stem not in names:
            path.unlink(missing_ok=True)


def _replace(target: Path, data: bytes) -> None:
    temporary = target.with_name(target.name + f".{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, target)
