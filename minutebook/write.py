"""Write: put a finished site in place atomically, or leave the old one untouched.

The new site is written into a spare folder beside the target, then the two
folders are exchanged in one step (Linux renameat2 RENAME_EXCHANGE), so a
reader, or a build killed at any moment, sees either the whole old site or
the whole new one. A lock file stops two builds writing the same folder, and
the next build removes whatever a killed build left behind.

The site replaced by the exchange is kept as the next build's spare folder
(`.<site>.spare`; after a first build, hard links to the site it wrote), and
brought up to date rather than written from nothing:
an unchanged page is already there (the same file, by hard link), so a build
that changed one page makes one file, where a fresh folder would make every
folder of the site again. A file in the spare is never written into, only
removed and made anew, since it may be the very file the live site shows.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path

from . import walk

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class PublishError(Exception):
    """The site could not be written; the previous site is unchanged."""


class PublishedIncompletely(PublishError):
    """The new site is in place, but what the next build reuses could not be saved beside it."""


def os_reason(exc: OSError) -> str:
    """Why a write failed, in the editor's words."""
    return {
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the folder is on a read-only file system",
        errno.EACCES: "permission was refused",
        errno.EPERM: "permission was refused",
        errno.EDQUOT: "the disk quota is used up",
    }.get(exc.errno, exc.strerror or str(exc))


def safe_relative(path: str) -> str:
    """Refuse any output path that could land outside the output folder.

    Plain string tests rather than pathlib: a site has thousands of files, and this runs for each."""
    if not path or path.startswith("/") or "\\" in path or "\x00" in path or ".." in path.split("/"):
        raise PublishError(f"refusing to write '{path}': it is not a plain path inside the output folder")
    return path


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
    """Make the folder `root` hold exactly `files`, keeping what it already holds right.

    A Path value is an unchanged file from the previous site: it is linked, not copied.
    Paths are joined as strings: pathlib's objects cost more than the work for thousands of files."""
    held, folders, strays = _contents(root)
    top = os.fspath(root)
    device = os.stat(top).st_dev
    wanted = {""}  # every folder the new site has, "" being the root
    for path in files:
        folder = path.rpartition("/")[0]
        while folder not in wanted:
            wanted.add(folder)
            folder = folder.rpartition("/")[0]
    for path in strays:
        os.unlink(os.path.join(top, path))
    for folder in folders - wanted:
        if folder.rpartition("/")[0] in wanted:  # the top of what goes
            shutil.rmtree(os.path.join(top, folder))
    folders = (folders & wanted) | {""}
    for path in held.keys() - files.keys():
        try:
            os.unlink(os.path.join(top, path))
        except FileNotFoundError:
            pass  # its folder went
    for path, data in files.items():
        target = os.path.join(top, safe_relative(path))
        folder = path.rpartition("/")[0]
        if folder not in folders:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            while folder not in folders:
                folders.add(folder)
                folder = folder.rpartition("/")[0]
        if path in held:
            if _already(target, held[path], device, data):
                continue
            os.unlink(target)  # never written into: it may be the live site's own file
        if isinstance(data, Path):
            try:
                os.link(data, target)  # shares the bytes: nothing is copied or rendered again
            except OSError:
                shutil.copyfile(data, target)
        else:
            _write(target, data)


def _write(target: str, data: bytes) -> None:
    with open(target, "wb") as out:
        out.write(data)


def _already(target: str, inode: int, device: int, data: bytes | Path) -> bool:
    """Whether the spare's file at `target` is already what the new site holds there."""
    if isinstance(data, Path):
        st = os.stat(data)
        return (st.st_ino, st.st_dev) == (inode, device)
    try:
        if os.stat(target).st_size != len(data):
            return False
        with open(target, "rb") as held:
            return held.read() == data
    except OSError:
        return False


def _contents(root: Path) -> tuple[dict[str, int], set[str], list[str]]:
    """What a folder holds, by path from it: files with their inode, folders, and anything else (links, devices)."""
    files: dict[str, int] = {}
    folders: set[str] = set()
    strays: list[str] = []
    for path, entry in walk.entries(root):
        if entry.is_dir(follow_symlinks=False):
            folders.add(path)
        elif entry.is_file(follow_symlinks=False):
            files[path] = entry.inode()
        else:
            strays.append(path)
    return files, folders, strays


def spare_path(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.spare"


def _leave_spare(out_dir: Path, spare: Path) -> None:
    """After a first build, a spare of hard links to the site just written: the next build then
    makes only the files that changed, not every folder and link of the site. The site is already
    in place, so a spare that cannot be made is simply left out."""
    try:
        shutil.copytree(out_dir, spare, copy_function=os.link, symlinks=True)
    except (OSError, shutil.Error):
        shutil.rmtree(spare, ignore_errors=True)


def publish(files: Mapping[str, bytes | Path], out_dir: Path) -> None:
    """Replace `out_dir` with exactly `files`, atomically."""
    out_dir = Path(os.path.abspath(out_dir))
    if out_dir.exists() and not out_dir.is_dir():
        raise PublishError(f"{out_dir.name} exists and is not a folder; move it away or choose another --out")
    for path in files:
        safe_relative(path)  # all refused before anything is written
    with build_lock(out_dir):
        recover(out_dir)
        spare = spare_path(out_dir)
        try:
            if spare.is_symlink() or (spare.exists() and not spare.is_dir()):
                spare.unlink()
            spare.mkdir(exist_ok=True)
            write_tree(files, spare)
            if not out_dir.exists():
                os.rename(spare, out_dir)
                _leave_spare(out_dir, spare)
                return
            if _exchange(spare, out_dir):
                return  # the spare now holds the old site, ready for the next build
            old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
            os.rename(out_dir, old)  # `recover` puts it back if we die before the next line
            os.rename(spare, out_dir)
            os.rename(old, spare)
        except OSError as exc:
            shutil.rmtree(spare, ignore_errors=True)
            reason = {
                errno.ENOSPC: "the disk is full",
                errno.EROFS: "the folder is on a read-only file system",
                errno.EACCES: "permission was refused",
                errno.EPERM: "permission was refused",
                errno.EDQUOT: "the disk quota is used up",
            }.get(exc.errno, exc.strerror or str(exc))
            raise PublishError(f"could not write the site beside {out_dir.name}/: {reason}; the previous site is unchanged") from None
