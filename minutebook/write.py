"""Write: put a finished site in place atomically, or leave the old one untouched.

The new site is written into a spare folder beside the target, then the two
folders are exchanged in one step (Linux renameat2 RENAME_EXCHANGE), so a
reader, or a build killed at any moment, sees either the whole old site or
the whole new one. A lock file stops two builds writing the same folder, and
the next build removes whatever a killed build left behind.

A build replaces everything in its folder, so it writes only into a folder that
does not exist, an empty one, or one an earlier build marked as its own with a
file inside it (MARKER); anything else is refused before any change
(`check_target`), as are the folders the build reads from and the places a
slip of `--out` could name (the content, the working folder, home, /).

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
import re
import shutil
import stat
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager, nullcontext
from pathlib import Path

from minutebook.content import walk

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class PublishError(Exception):
    """The site could not be written; the previous site is unchanged."""


class PublishedIncompletely(PublishError):
    """The new site is in place, but what the next build reuses could not be saved beside it."""


def os_reason(exc: OSError) -> str:
    """Why a write failed, in the editor's words."""
    reasons: dict[int | None, str] = {  # keyed by errno, which an OSError raised by hand may lack
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the folder is on a read-only file system",
        errno.EACCES: "permission was refused",
        errno.EPERM: "permission was refused",
        errno.EDQUOT: "the disk quota is used up",
    }
    return reasons.get(exc.errno, exc.strerror or str(exc))


# In every site a build writes. Its last line names the site (`marker`), so that what is kept beside
# the folder between builds (incremental/kept.py) can be checked against the site actually in it.
MARKER = ".minutebook-site"
MARKER_TEXT = (
    "This folder is a website built by Minutebook (python build.py).\n"
    "Each build replaces everything in it: keep nothing else here.\n"
    "Minutebook builds only into a new or empty folder, or one holding this file.\n"
)
WAIT_BEFORE_TELLING = 1.0  # seconds a build waits for another's lock before saying so


def marker(site_id: str) -> bytes:
    return f"{MARKER_TEXT}site: {site_id}\n".encode()


def site_id(out_dir: Path) -> str | None:
    """The id in the marker of the site in `out_dir`, or None when it holds no readable marker."""
    try:
        with open(os.path.join(out_dir, MARKER), "rb") as held:
            text = held.read(4096).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    last = text.rstrip("\n").rpartition("\n")[2]
    return last.removeprefix("site: ") if last.startswith("site: ") else None


def shown(path: Path) -> str:
    """A folder as whoever typed --out would recognise it: from the working folder when it is inside it."""
    relative = os.path.relpath(path)
    return (str(path) if relative == "." or relative.startswith("..") else relative).rstrip("/") + "/"


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def check_target(out_dir: Path, inputs: Mapping[str, Path] = {}, places: Mapping[str, Path] = {}) -> None:
    """Refuse, before anything is written, a folder a build must not replace.

    `inputs` (what it is -> folder) are what the build reads, such as the content folder: refused, and so
    is any folder inside or above them. `places` are folders no site belongs in, such as the working
    folder: refused, and so is any folder above them. What is left must be new, empty, or a marked site."""
    real = os.path.realpath(out_dir)
    advice = "a build replaces everything in its folder. Choose a folder of its own with --out, such as site/"
    refused = [(what, os.path.realpath(folder), True) for what, folder in inputs.items()]
    refused += [(what, os.path.realpath(folder), False) for what, folder in places.items()]
    for what, held, _ in refused:  # the folder itself first: home holding the content is named as home
        if real == held:
            raise PublishError(f"refusing to build into {shown(out_dir)}: it is {what}; {advice}")
    for what, held, inside_too in refused:
        if _within(held, real):
            raise PublishError(
                f"refusing to build into {shown(out_dir)}: it holds {what} ({shown(Path(held))}); {advice}"
            )
        if inside_too and _within(real, held):
            raise PublishError(f"refusing to build into {shown(out_dir)}: it is inside {what}; {advice}")
    if ".git" in Path(real).parts:
        raise PublishError(f"refusing to build into {shown(out_dir)}: it is inside .git, git's own folder; {advice}")
    if BUILDS_OWN.match(Path(real).name):
        raise PublishError(
            f"refusing to build into {shown(out_dir)}: its name is one a build gives the files it keeps beside "
            f"its site; {advice}"
        )
    for above in Path(real).parents:
        if os.path.isfile(above / MARKER):
            # The next build of that site replaces everything in it, this folder too; and publishing it would
            # publish this one, with the files its builds keep.
            raise PublishError(
                f"refusing to build into {shown(out_dir)}: it is inside {shown(above)}, a site Minutebook built; "
                "a build replaces everything in its folder. Choose a folder of its own with --out, beside that "
                "site rather than in it, such as draft-site/"
            )
    refuse_unless_ours(out_dir)


# What a build keeps beside its folder X: .X.lock, .X.parts, .X.spare, .X.manifest.json, .X.tmp-…, .X.old-….
BUILDS_OWN = re.compile(r"^\..+\.(?:lock|parts|spare|manifest\.json|tmp-.*|old-.*)$")


def refuse_unless_ours(out_dir: Path) -> None:
    """Refuse a folder holding anything, unless an earlier build marked it as a site of its own."""
    if not os.path.lexists(out_dir):
        return
    if not os.path.isdir(out_dir):
        raise PublishError(
            f"{shown(out_dir).rstrip('/')} exists and is not a folder; move it away or choose another --out"
        )
    if not os.listdir(out_dir):
        return
    try:
        if stat.S_ISREG(os.lstat(os.path.join(out_dir, MARKER)).st_mode):
            return
    except OSError:
        pass
    raise PublishError(
        f"{shown(out_dir)} already holds files that Minutebook did not make, "
        "and a build replaces everything in its folder. "
        f"Choose a new or empty folder with --out, or delete {shown(out_dir)} yourself if nothing in it is needed "
        f"(a site built before Minutebook marked its folders with a {MARKER} file must be deleted once)"
    )


def safe_relative(path: str) -> str:
    """Refuse any output path that could land outside the output folder.

    Plain string tests rather than pathlib: a site has thousands of files, and this runs for each."""
    if not path or path.startswith("/") or "\\" in path or "\x00" in path or ".." in path.split("/"):
        raise PublishError(f"refusing to write '{path}': it is not a plain path inside the output folder")
    return path


def _siblings(out_dir: Path, kind: str) -> Iterable[Path]:
    return out_dir.parent.glob(f".{out_dir.name}.{kind}-*")


class SiteLock:
    """Proof that the output folder's lock is held (`build_lock`)."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir


@contextmanager
def build_lock(out_dir: Path, wait: float | None = 0, waiting: Callable[[], None] | None = None):
    """Hold the output folder's lock, waiting up to `wait` seconds for another build to let it go
    (None: as long as it takes), or refuse with a clear message. `waiting()` is called once, if the
    wait lasts more than a moment. The lock ends with the process, however it ends."""
    out_dir = Path(os.path.abspath(out_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out_dir.parent / f".{out_dir.name}.lock"
    try:
        handle = open(lock_path, "a+")
    except OSError as exc:
        raise PublishError(
            f"cannot create the lock file {lock_path.name} beside {out_dir.name}/: {exc.strerror}"
        ) from None
    try:
        began, told = time.monotonic(), False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - began
                if wait is not None and waited >= wait:
                    raise PublishError(
                        f"another build is writing {shown(out_dir)} right now"
                        + (f" and has not finished within {wait:g} seconds" if wait else "")
                        + "; wait for it to finish and try again"
                    ) from None
                if waiting and not told and waited >= WAIT_BEFORE_TELLING:
                    waiting()
                    told = True
                time.sleep(0.05 if wait is None else max(0.0, min(0.05, wait - waited)))
        yield SiteLock(out_dir)
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


def publish(files: Mapping[str, bytes | Path], out_dir: Path, site: str = "", held: SiteLock | None = None) -> None:
    """Replace `out_dir` with exactly `files` and the marker naming the site `site`, atomically.

    `held` is the lock the caller already holds for `out_dir` (`build_lock`); without it, it is taken here."""
    out_dir = Path(os.path.abspath(out_dir))
    refuse_unless_ours(out_dir)
    for path in files:
        safe_relative(path)  # all refused before anything is written
    files = {**files, MARKER: marker(site)}
    with nullcontext(held) if held else build_lock(out_dir) as lock:
        if lock.out_dir != out_dir:
            raise ValueError(f"the lock held is for {lock.out_dir}, not {out_dir}")
        recover(out_dir)
        refuse_unless_ours(out_dir)  # again, now that no other build can be changing it
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
            raise PublishError(
                f"could not write the site beside {out_dir.name}/: {os_reason(exc)}; the previous site is unchanged"
            ) from None
