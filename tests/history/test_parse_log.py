"""Reading a meeting file's history from `git log --raw`: its publication, each version, and renames."""

import datetime as dt

from minutebook.content.history import FIELD, RECORD, Change, digest_text, parse_log, parse_objects

APRIL = "meetings/2019-04-30-monthly-assurance.md"
FILES = {APRIL: "2019-04-30-monthly-assurance"}
NONE = "0" * 40
V1, V2, V3 = "1" * 40, "2" * 40, "3" * 40


def raw(status: str, before: str, after: str, *paths: str) -> str:
    """One changed file as `git log --raw --no-abbrev` prints it."""
    return f":100644 100644 {before} {after} {status}\t" + "\t".join(paths)


def commit(day: str, *changes: str, decorations: str = "") -> str:
    """One commit as `git log --raw --format=LOG_FORMAT` prints it."""
    return f"{RECORD}{day}T12:00:00+00:00{FIELD}{decorations}\n\n" + "".join(f"{c}\n" for c in changes)


def history_of_april(*commits: str):
    return parse_log("".join(commits), FILES).get("2019-04-30-monthly-assurance")


def test_the_commit_that_added_the_file_is_its_publication():
    history = history_of_april(commit("2024-03-01", raw("A", NONE, V1, APRIL)))
    assert history.published == dt.date(2024, 3, 1)
    assert history.changes == (Change(dt.date(2024, 3, 1), "", V1),)


def test_every_change_to_the_file_is_kept_oldest_first_with_its_versions_before_and_after():
    history = history_of_april(
        commit("2024-03-09", raw("M", V2, V3, APRIL)),
        commit("2024-03-03", raw("M", V1, V2, APRIL)),
        commit("2024-03-01", raw("A", NONE, V1, APRIL)),
    )
    assert history.changes == (
        Change(dt.date(2024, 3, 1), "", V1),
        Change(dt.date(2024, 3, 3), V1, V2),
        Change(dt.date(2024, 3, 9), V2, V3),
    )


def test_changes_made_under_the_files_old_name_are_followed_through_a_rename():
    old = "meetings/2019-04-30-assurance.md"
    history = history_of_april(
        commit("2024-03-05", raw("R093", V2, V3, old, APRIL)),
        commit("2024-03-03", raw("M", V1, V2, old)),
        commit("2024-03-01", raw("A", NONE, V1, old)),
    )
    assert history.published == dt.date(2024, 3, 1)
    assert [c.after for c in history.changes] == [V1, V2, V3]


def test_an_older_deleted_file_of_the_same_name_is_not_part_of_the_history():
    history = history_of_april(
        commit("2024-05-01", raw("A", NONE, V2, APRIL)),
        commit("2024-04-01", raw("D", V1, NONE, APRIL)),
        commit("2024-03-01", raw("A", NONE, V1, APRIL)),
    )
    assert history.published == dt.date(2024, 5, 1)
    assert len(history.changes) == 1


def test_commits_that_touch_only_other_files_are_not_part_of_the_history():
    history = history_of_april(
        commit("2024-03-04", raw("M", V2, V3, "glossary.yml")),
        commit("2024-03-02", raw("A", NONE, V2, "meetings/2019-05-28-performance.md")),
        commit("2024-03-01", raw("A", NONE, V1, APRIL)),
    )
    assert len(history.changes) == 1


def test_a_meeting_git_has_never_seen_has_no_history():
    assert parse_log(commit("2024-03-01", raw("M", V1, V2, "glossary.yml")), FILES) == {}
    assert parse_log("", FILES) == {}


def test_a_file_that_reaches_back_to_the_cut_off_end_of_a_shallow_clone_has_no_history():
    # A shallow clone's oldest commit shows every file as added, on that commit's date: neither is true.
    log = commit("2024-03-03", raw("M", V1, V2, APRIL)) + commit(
        "2024-03-02", raw("A", NONE, V1, APRIL), raw("A", NONE, V3, "themes.yml"), decorations="grafted"
    )
    assert parse_log(log, FILES) == {}


def test_the_date_is_the_day_the_commit_was_made_where_it_was_made():
    log = f"{RECORD}2024-03-03T23:30:00-05:00{FIELD}\n\n{raw('A', NONE, V1, APRIL)}\n"
    assert history_of_april(log).published == dt.date(2024, 3, 3)


def test_the_fingerprint_text_changes_with_a_new_commit_to_the_file_and_is_empty_without_history():
    published = commit("2024-03-01", raw("A", NONE, V1, APRIL))
    corrected = commit("2024-03-03", raw("M", V1, V2, APRIL)) + published
    before, after = parse_log(published, FILES), parse_log(corrected, FILES)
    assert digest_text(before, "2019-04-30-monthly-assurance") != digest_text(after, "2019-04-30-monthly-assurance")
    assert digest_text({}, "2019-04-30-monthly-assurance") == ""


def test_a_rebase_that_keeps_the_versions_and_the_day_of_publication_keeps_the_fingerprint():
    published = commit("2024-03-01", raw("A", NONE, V1, APRIL))
    corrected = parse_log(commit("2024-03-03", raw("M", V1, V2, APRIL)) + published, FILES)
    rebased = parse_log(commit("2024-03-20", raw("M", V1, V2, APRIL)) + published, FILES)
    assert digest_text(corrected, "2019-04-30-monthly-assurance") == digest_text(
        rebased, "2019-04-30-monthly-assurance"
    )


def test_the_versions_git_cat_file_gives_are_read_as_the_loader_reads_files():
    out = f"{V1} blob 10\nfirst\r\nok\n{V2} missing\n{V3} blob 2\nb\n\n".encode()
    assert parse_objects(out) == {V1: "first\nok\n", V3: "b\n"}
