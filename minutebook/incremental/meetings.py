"""Meetings parsed by earlier builds, kept so an unchanged file is not parsed again."""

from __future__ import annotations

import pickle
from collections.abc import Mapping

from minutebook.incremental.fingerprints import digest, summary
from minutebook.model import ContentError, Meeting


class KnownMeetings:
    """Reads meeting files as load.parse_meeting does, reusing what an earlier build parsed from the same text.

    `kept` holds, by file path, [key, the pickled (summary, Meeting)] (kept.read_set). A kept meeting is used
    only when its key (the file's path and bytes, and Minutebook's own `code`) matches, so it is exactly
    what parsing would give, origins and all; only those are unpickled."""

    def __init__(
        self,
        kept: Mapping[str, tuple[str, bytes]],
        code: str,
        remembered: Mapping[str, tuple[str, Meeting]] | None = None,
    ):
        self.kept, self.code = kept, code
        # A process that builds again and again (the preview server) hands back what its last
        # build read, `read` below: an unchanged meeting is then taken as it is, not unpickled.
        self.remembered = remembered or {}
        self.kept_again: dict[str, tuple[str, bytes]] = {}  # kept meetings still read, to keep as they are
        self.parsed: dict[str, tuple[str, tuple[str, Meeting]]] = {}  # meetings parsed now, pickled only when kept
        self.summaries: dict[str, str] = {}  # meeting id -> summary
        self.read: dict[str, tuple[str, Meeting]] = {}  # key -> (summary, meeting), for the next build in this process

    def __call__(self, source, errors: list[ContentError]) -> Meeting | None:
        from minutebook.content.load import parse_meeting

        key = digest(self.code, source.path, source.digest)
        entry = self.kept.get(source.path)
        if entry is not None and entry[0] == key and (found := self.remembered.get(key) or _unpickled(entry[1])):
            self.kept_again[source.path] = entry
        else:
            meeting = parse_meeting(source, errors)
            if meeting is None:
                return None
            found = (summary(meeting), meeting)
            self.parsed[source.path] = (key, found)
        self.read[key] = found
        self.summaries[found[1].id] = found[0]
        return found[1]

    def parts(self) -> dict[str, tuple[str, bytes]]:
        """What to keep for the next build, by file path: [key, the pickled (summary, Meeting)]. Only now
        are the meetings parsed by this build pickled, so their copies are not held through the build."""
        pickled = {
            path: (key, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
            for path, (key, found) in self.parsed.items()
        }
        return {**self.kept_again, **pickled}


def _unpickled(data: bytes) -> tuple[str, Meeting] | None:
    try:
        kept_summary, meeting = pickle.loads(data)
    except Exception:  # noqa: BLE001 - unreadable: parse it again
        return None
    return (kept_summary, meeting) if isinstance(kept_summary, str) and isinstance(meeting, Meeting) else None
