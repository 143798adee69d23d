"""Write: put a finished site in place atomically, or leave the old one untouched.

The new site is written into a temporary folder beside the target, then the
two folders are exchanged in one step (Linux renameat2 RENAME_EXCHANGE), so a
reader, or a build killed at any moment, sees either the whole old site or
the whole new one. A lock file stops two builds writing the same folder, and
the next build removes whatever a killed build left behind.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import uuid
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class PublishError(Exception):
    """The site could not be written; the previous site is unchanged."""


def safe_relative(path: str) -> PurePosixPath:
    """Refuse any output path that could land outside the output folder."""
    pure = PurePosixPath(path)
    if not path or pure.is_absolute() or ".." in pure.parts or "\\" in path or "\x00" in path:
        raise PublishError(f"refusing to write '{path}': it is not a plain path inside the output folder")
    return pure


def _siblings(out_dir: Path, kind: str) -> Iterable[Path]:
    return out_dir.parent.glob(f".{out_dir.name}.{kind}-*")


@contextmanager
def build_lock(out_dir: Path):
    """Hold the output folder's lock, or refuse at once with a clear message."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out_dir.parent / f".{out_dir.name}.lock"
    try:
        handle = open(lock_path, "a+")
    except OSError as exc:
        raise PublishError(f"cannot create the lock file {lock_path.name} beside {out_dir.name}/: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError(
                f"another build is writing {out_dir.name}/ right now; wait for it to finish and try again"
            ) from None
        yield
    finally:
        handle.close()


def recover(out_dir: Path) -> None:
    """Undo what a killed build left: restore a moved-aside site, delete temporary folders."""
    if not out_dir.exists():
        old = sorted(_siblings(out_dir, "old"))
        if old:
            os.rename(old[-1], out_dir)
    for leftover in [*_siblings(out_dir, "tmp"), *_siblings(out_dir, "old")]:
        shutil.rmtree(leftover, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def write_tree(files: Mapping[str, bytes | Path], root: Path) -> None:
    """Write every file under `root`; a Path value is an unchanged file from the previous site."""
    made: set[Path] = set()
    for path, data in files.items():
        target = root / safe_relative(path)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if isinstance(data, Path):
            try:
                os.link(data, target)  # shares the bytes: nothing is copied or rendered again
            except OSError:
                shutil.copyfile(data, target)
        else:
            target.write_bytes(data)


def publish(files: Mapping[str, bytes | Path], out_dir: Path) -> None:
    """Replace `out_dir` with exactly `files`, atomically."""
    out_dir = Path(os.path.abspath(out_dir))
    if out_dir.exists() and not out_dir.is_dir():
        raise PublishError(f"{out_dir.name} exists and is not a folder; move it away or choose another --out")
    with build_lock(out_dir):
        recover(out_dir)
        temporary = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            temporary.mkdir()
            write_tree(files, temporary)
            if not out_dir.exists():
                os.rename(temporary, out_dir)
                return
            if _exchange(temporary, out_dir):
                shutil.rmtree(temporary, ignore_errors=True)  # now holds the old site
                return
            old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
            os.rename(out_dir, old)  # `recover` puts it back if we die before the next line
            os.rename(temporary, out_dir)
            shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:
            shutil.rmtree(temporary, ignore_errors=True)
            reason = {
                errno.ENOSPC: "the disk is full",
                errno.EROFS: "the folder is on a read-only file system",
                errno.EACCES: "permission was refused",
                errno.EPERM: "permission was refused",
                errno.EDQUOT: "the disk quota is used up",
            }.get(exc.errno, exc.strerror or str(exc))
            raise PublishError(f"could not write the site beside {out_dir.name}/: {reason}; the previous site is unchanged") from None
