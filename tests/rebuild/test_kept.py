"""Meetings kept between builds come back exactly as parsing gives them."""
import dataclasses

import pytest

from minutebook.incremental import rebuild
from minutebook.content.load import SourceFile, parse_content, read_sources
from minutebook.model import Meeting
from tests.conftest import FIXTURES, ROOT


def every_field(value):
    """A value with every field, those left out of comparisons (origins, lines) included."""
    if dataclasses.is_dataclass(value):
        return (type(value).__name__, *(every_field(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, tuple):
        return tuple(every_field(v) for v in value)
    return value


@pytest.mark.parametrize("content", [ROOT / "content", FIXTURES / "hostile", FIXTURES / "search"])
def test_a_kept_meeting_is_the_meeting_parsing_gives_origins_and_all(content):
    sources, _ = read_sources(content)
    first = rebuild.KnownMeetings({}, "code")
    parsed, _ = parse_content(sources, first)
    second = rebuild.KnownMeetings(first.parts, "code")
    kept, _ = parse_content(sources, second)
    assert kept.meetings and [every_field(m) for m in kept.meetings] == [every_field(m) for m in parsed.meetings]
    assert second.summaries == first.summaries == {m.id: rebuild.summary(m) for m in parsed.meetings}
    assert second.parts == first.parts


def test_a_kept_meeting_is_taken_without_decoding_its_file():
    sources, _ = read_sources(FIXTURES / "small")
    first = rebuild.KnownMeetings({}, "code")
    parse_content(sources, first)
    again, _ = read_sources(FIXTURES / "small")
    parse_content(again, rebuild.KnownMeetings(first.parts, "code"))
    meetings = [s for s in again if "/meetings/" in s.path]
    assert meetings and not any("text" in vars(s) for s in meetings)  # decoding is most of reading a file


def test_a_meeting_file_whose_bytes_changed_is_parsed_again_even_when_its_text_reads_the_same():
    sources, _ = read_sources(FIXTURES / "small")
    first = rebuild.KnownMeetings({}, "code")
    parse_content(sources, first)
    windows = [SourceFile(s.path, s.data.replace(b"\n", b"\r\n")) for s in sources]
    again = rebuild.KnownMeetings(first.parts, "code")
    parsed, _ = parse_content(windows, again)
    assert parsed.meetings and all(again.parts[path][0] != key for path, (key, _) in first.parts.items())
    assert all("text" in vars(s) for s in windows if "/meetings/" in s.path)


def test_a_meeting_kept_by_other_code_is_parsed_again():
    sources, _ = read_sources(FIXTURES / "small")
    first = rebuild.KnownMeetings({}, "old code")
    parse_content(sources, first)
    again = rebuild.KnownMeetings(first.parts, "new code")
    parse_content(sources, again)
    assert all(key != first.parts[path][0] for path, (key, _) in again.parts.items())


def test_every_field_of_a_meeting_can_be_kept():
    rebuild._codec(Meeting)  # raises for a field of a kind it cannot keep, which would quietly parse every time


def test_meetings_remembered_in_memory_are_taken_as_they_are_when_their_files_have_not_changed():
    sources, _ = read_sources(FIXTURES / "small")
    first = rebuild.KnownMeetings({}, "code")
    parsed, _ = parse_content(sources, first)
    second = rebuild.KnownMeetings(first.parts, "code", remembered=first.read)
    kept, _ = parse_content(sources, second)
    assert all(a is b for a, b in zip(kept.meetings, parsed.meetings))
    assert second.parts == first.parts and second.summaries == first.summaries


def test_a_remembered_meeting_whose_file_changed_is_parsed_again():
    sources, _ = read_sources(FIXTURES / "small")
    first = rebuild.KnownMeetings({}, "code")
    parse_content(sources, first)
    edited = [SourceFile.of_text(s.path, s.text.replace("None were discussed.", "None were raised.")) for s in sources]
    second = rebuild.KnownMeetings(first.parts, "code", remembered=first.read)
    kept, _ = parse_content(edited, second)
    april = next(m for m in kept.meetings if m.id == "2019-04-30-monthly-assurance")
    assert april is not next(m for _, m in first.read.values() if m.id == april.id)
    assert "None were raised." in "".join(item.markdown for item in april.agenda)


def test_kept_parts_come_back_exactly_line_endings_and_all(tmp_path):
    parts = {"a": ("key-a", "first line\r\nsecond line\rthird\n"), "b": ("key-b", "Café, naïve – “quoted” 😀")}
    rebuild.write_parts(tmp_path / "site", "texts", parts)
    assert rebuild.read_parts(tmp_path / "site", "texts") == {name: list(entry) for name, entry in parts.items()}


def test_parts_kept_as_bytes_come_back_as_the_same_bytes(tmp_path):
    parts = {"a": ("key-a", "first\r\nsecond – “é” 😀".encode()), "b": ("key-b", b"")}
    rebuild.write_parts(tmp_path / "site", "records", parts)
    assert rebuild.read_parts(tmp_path / "site", "records", binary=True) == {name: list(entry) for name, entry in parts.items()}


def test_a_changed_part_kept_as_bytes_is_added_at_the_end_and_replaces_the_one_before(tmp_path):
    site = tmp_path / "site"
    rebuild.write_parts(site, "records", {"a": ("key-a", "café".encode()), "b": ("key-b", b"b")})
    before = rebuild.parts_path(site, "records").read_bytes()
    was = rebuild.read_parts(site, "records", binary=True)
    rebuild.write_parts(site, "records", {"a": ("key-a2", "naïve café".encode()), "b": ("key-b", b"b")}, was=was)
    assert rebuild.parts_path(site, "records").read_bytes().startswith(before)
    assert rebuild.read_parts(site, "records", binary=True) == {"a": ["key-a2", "naïve café".encode()], "b": ["key-b", b"b"]}


def test_parts_kept_as_text_or_as_bytes_are_one_format_read_either_way(tmp_path):
    # Lengths count bytes whichever was kept: text is kept as its UTF-8.
    rebuild.write_parts(tmp_path / "site", "texts", {"a": ("key-a", "café\r\n")})
    rebuild.write_parts(tmp_path / "site", "records", {"a": ("key-a", "café\r\n".encode())})
    assert rebuild.parts_path(tmp_path / "site", "texts").read_bytes() == rebuild.parts_path(tmp_path / "site", "records").read_bytes()
    assert rebuild.read_parts(tmp_path / "site", "texts", binary=True) == {"a": ["key-a", "café\r\n".encode()]}
    assert rebuild.read_parts(tmp_path / "site", "records") == {"a": ["key-a", "café\r\n"]}


def test_parts_whose_bytes_are_not_utf8_are_made_again_when_read_as_text(tmp_path):
    rebuild.write_parts(tmp_path / "site", "texts", {"a": ("key-a", b"caf\xe9")})
    assert rebuild.read_parts(tmp_path / "site", "texts") == {}
    assert rebuild.read_parts(tmp_path / "site", "texts", binary=True) == {"a": ["key-a", b"caf\xe9"]}


def test_a_set_of_parts_that_has_not_changed_is_not_written_again(tmp_path):
    parts = {"a": ("key-a", "text")}
    rebuild.write_parts(tmp_path / "site", "texts", parts)
    path = rebuild.parts_path(tmp_path / "site", "texts")
    path.write_text(path.read_text() + "marker: written once")  # what was read is what stays
    rebuild.write_parts(tmp_path / "site", "texts", parts, was={"a": ["key-a", "text"]})
    assert path.read_text().endswith("marker: written once")
    rebuild.write_parts(tmp_path / "site", "texts", {"a": ("key-a", "new text")}, was={"a": ["key-a", "text"]})
    assert rebuild.read_parts(tmp_path / "site", "texts") == {"a": ["key-a", "new text"]}


def test_a_changed_part_is_added_at_the_end_and_replaces_the_one_before(tmp_path):
    site = tmp_path / "site"
    rebuild.write_parts(site, "texts", {"a": ("key-a", "text of a"), "b": ("key-b", "text of b")})
    before = rebuild.parts_path(site, "texts").read_text()
    rebuild.write_parts(site, "texts", {"a": ("key-a2", "new text of a"), "b": ("key-b", "text of b")}, was=rebuild.read_parts(site, "texts"))
    after = rebuild.parts_path(site, "texts").read_text()
    assert after.startswith(before) and "text of b" not in after[len(before):]
    assert rebuild.read_parts(site, "texts") == {"a": ["key-a2", "new text of a"], "b": ["key-b", "text of b"]}


def test_a_part_no_longer_wanted_is_gone_when_read_again(tmp_path):
    site = tmp_path / "site"
    rebuild.write_parts(site, "texts", {"a": ("key-a", "text of a"), "b": ("key-b", "text of b")})
    rebuild.write_parts(site, "texts", {"b": ("key-b", "text of b")}, was=rebuild.read_parts(site, "texts"))
    assert rebuild.read_parts(site, "texts") == {"b": ["key-b", "text of b"]}


def test_the_parts_are_written_whole_again_once_what_was_replaced_outweighs_what_is_current(tmp_path):
    site, big = tmp_path / "site", "x" * 40_000
    rebuild.write_parts(site, "texts", {"a": ("key-0", big)})
    sizes = []
    for n in range(1, 6):
        rebuild.write_parts(site, "texts", {"a": (f"key-{n}", big)}, was=rebuild.read_parts(site, "texts"))
        sizes.append(rebuild.parts_path(site, "texts").stat().st_size)
    assert sizes[1] > sizes[0] and min(sizes) < sizes[0] and max(sizes) < 2 * len(big) + 65536
    assert rebuild.read_parts(site, "texts") == {"a": ["key-5", big]}


def test_a_parts_file_changed_since_it_was_read_is_written_whole(tmp_path):
    site = tmp_path / "site"
    rebuild.write_parts(site, "texts", {"a": ("key-a", "text of a")})
    was = rebuild.read_parts(site, "texts")
    path = rebuild.parts_path(site, "texts")
    path.write_text(path.read_text() + "b\tkey-b\t99\ncut short")  # damaged after it was read
    rebuild.write_parts(site, "texts", {"a": ("key-a2", "new text")}, was=was)
    assert rebuild.read_parts(site, "texts") == {"a": ["key-a2", "new text"]}
