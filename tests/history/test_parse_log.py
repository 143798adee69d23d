"""Reading a meeting file's history from `git log`: publication, corrections and renames."""
import datetime as dt

from minutebook.history import FIELD, RECORD, Change, digest_text, parse_log

APRIL = "meetings/2019-04-30-monthly-assurance.md"
FILES = {APRIL: "2019-04-30-monthly-assurance"}


def commit(day: str, message: str, *changes: str, decorations: str = "") -> str:
    """One commit as `git log --name-status --format=LOG_FORMAT` prints it; each change is 'STATUS\\tpath[\\tpath]'."""
    return f"{RECORD}{day}T12:00:00+00:00{FIELD}{decorations}{FIELD}{message}\n\n" + "".join(f"{c}\n" for c in changes)


def history_of_april(*commits: str):
    return parse_log("".join(commits), FILES).get("2019-04-30-monthly-assurance")


def test_the_commit_that_added_the_file_is_its_publication():
    history = history_of_april(commit("2024-03-01", "Publish April's minutes", f"A\t{APRIL}"))
    assert history.published == dt.date(2024, 3, 1)
    assert history.corrections == ()


def test_a_file_never_corrected_was_last_changed_when_it_was_published():
    history = history_of_april(commit("2024-03-01", "Publish April's minutes", f"A\t{APRIL}"))
    assert history.last_changed == dt.date(2024, 3, 1)


def test_every_later_change_is_a_correction_listed_newest_first():
    history = history_of_april(
        commit("2024-03-09", "Fix the date of the next meeting", f"M\t{APRIL}"),
        commit("2024-03-03", "Correct the spelling of Hindlip", f"M\t{APRIL}"),
        commit("2024-03-01", "Publish April's minutes", f"A\t{APRIL}"),
    )
    assert history.corrections == (
        Change(dt.date(2024, 3, 9), "Fix the date of the next meeting"),
        Change(dt.date(2024, 3, 3), "Correct the spelling of Hindlip"),
    )
    assert history.last_changed == dt.date(2024, 3, 9)


def test_changes_made_under_the_files_old_name_are_followed_through_a_rename():
    old = "meetings/2019-04-30-assurance.md"
    history = history_of_april(
        commit("2024-03-05", "Name April's file after its meeting type", f"R093\t{old}\t{APRIL}"),
        commit("2024-03-03", "Correct the spelling of Hindlip", f"M\t{old}"),
        commit("2024-03-01", "Publish April's minutes", f"A\t{old}"),
    )
    assert history.published == dt.date(2024, 3, 1)
    assert [c.message for c in history.corrections] == ["Name April's file after its meeting type", "Correct the spelling of Hindlip"]


def test_an_older_deleted_file_of_the_same_name_is_not_part_of_the_history():
    history = history_of_april(
        commit("2024-05-01", "Publish April's minutes again", f"A\t{APRIL}"),
        commit("2024-04-01", "Withdraw April's minutes", f"D\t{APRIL}"),
        commit("2024-03-01", "Publish April's minutes", f"A\t{APRIL}"),
    )
    assert history.published == dt.date(2024, 5, 1)
    assert history.corrections == ()


def test_commits_that_touch_only_other_files_are_not_corrections():
    history = history_of_april(
        commit("2024-03-04", "Add a glossary entry", "M\tglossary.yml"),
        commit("2024-03-02", "Publish May's minutes", "A\tmeetings/2019-05-28-performance.md"),
        commit("2024-03-01", "Publish April's minutes", f"A\t{APRIL}"),
    )
    assert history.corrections == ()


def test_a_meeting_git_has_never_seen_has_no_history():
    assert parse_log(commit("2024-03-01", "Add a glossary entry", "M\tglossary.yml"), FILES) == {}
    assert parse_log("", FILES) == {}


def test_a_file_that_reaches_back_to_the_cut_off_end_of_a_shallow_clone_has_no_history():
    # A shallow clone's oldest commit shows every file as added, on that commit's date: neither is true.
    log = commit("2024-03-03", "Correct the spelling of Hindlip", f"M\t{APRIL}") + commit(
        "2024-03-02", "Tidy the themes", f"A\t{APRIL}", "A\tthemes.yml", decorations="grafted"
    )
    assert parse_log(log, FILES) == {}


def test_the_date_is_the_day_the_commit_was_made_where_it_was_made():
    log = f"{RECORD}2024-03-03T23:30:00-05:00{FIELD}{FIELD}Publish April's minutes\n\nA\t{APRIL}\n"
    assert history_of_april(log).published == dt.date(2024, 3, 3)


def test_the_fingerprint_text_changes_with_a_new_correction_and_is_empty_without_history():
    published = commit("2024-03-01", "Publish April's minutes", f"A\t{APRIL}")
    corrected = commit("2024-03-03", "Correct the spelling of Hindlip", f"M\t{APRIL}") + published
    before, after = parse_log(published, FILES), parse_log(corrected, FILES)
    assert digest_text(before, "2019-04-30-monthly-assurance") != digest_text(after, "2019-04-30-monthly-assurance")
    assert digest_text({}, "2019-04-30-monthly-assurance") == ""
