"""A meeting's `decisions`: its motions, resolutions and votes, read from the front matter and checked
as `check` reports them, with the file, the line and the field."""

import shutil

import pytest

from minutebook.content.load import load_content
from minutebook.model import Counts, Vote
from tests.conftest import FIXTURES
from tests.load.refusals import problems

JUNE = "meetings/2019-06-18-city-council.md"
DECISION = """decisions:
  - item: "B"
    kind: motion
    text: To award the playground replacement contract.
    moved: samuel-price
    seconded: grace-kim
    result: carried
"""


@pytest.fixture
def content(tmp_path):
    """The city council's archive, its June meeting's decisions replaced by none."""
    copied = shutil.copytree(FIXTURES / "citycouncil", tmp_path / "content")
    path = copied / JUNE
    front, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    start, end = front.index("decisions:\n"), front.index("next_meeting:\n")
    path.write_text(front[:start] + front[end:] + "\n---\n" + body, encoding="utf-8")
    return copied


def with_decisions(content, block: str) -> int:
    """The June meeting with `block` before its next meeting; the line `block` starts at."""
    path = content / JUNE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("next_meeting:\n", block + "next_meeting:\n", 1), encoding="utf-8")
    return text[: text.index("next_meeting:\n")].count("\n") + 1


def june(content):
    return next(m for m in load_content(content).meetings if m.id == "2019-06-18-city-council")


def test_a_meeting_without_decisions_has_none(content):
    assert june(content).decisions == ()


def test_a_decision_is_read_with_its_item_kind_mover_seconder_and_result(content):
    with_decisions(content, DECISION)
    (decision,) = june(content).decisions
    assert (decision.item, decision.kind, decision.moved, decision.seconded, decision.result) == (
        "B",
        "motion",
        "samuel-price",
        "grace-kim",
        "carried",
    )
    assert decision.text == "To award the playground replacement contract."


def test_the_number_is_kept_as_printed(content):
    with_decisions(content, DECISION + "    number: Resolution 2019-14\n")
    assert june(content).decisions[0].number == "Resolution 2019-14"


def test_counts_are_read_as_numbers_and_an_abstention_left_out_is_not_made_zero(content):
    with_decisions(content, DECISION + "    counts:\n      for: 5\n      against: 1\n")
    assert june(content).decisions[0].counts == Counts(5, 1, None)


def test_the_roll_call_is_read_in_the_files_order(content):
    with_decisions(
        content,
        DECISION + "    votes:\n      - {person: grace-kim, vote: for}\n      - {person: martin-yoder, vote: absent}\n",
    )
    assert june(content).decisions[0].votes == (Vote("grace-kim", "for"), Vote("martin-yoder", "absent"))


def test_without_counts_the_roll_call_gives_the_tally(content):
    with_decisions(
        content,
        DECISION + "    votes:\n      - {person: grace-kim, vote: for}\n      - {person: luis-ortega, vote: against}\n",
    )
    assert june(content).decisions[0].tally == Counts(1, 1, 0)


def test_a_mover_not_in_people_is_named_with_the_line_of_the_decision(content):
    line = with_decisions(content, DECISION.replace("samuel-price", "sam-price"))
    assert problems(content, linked=True) == [
        f"content/{JUNE}:{line + 1}: decisions[1].moved: person 'sam-price' is not in content/people.yml; "
        "add them there or correct the slug"
    ]


def test_a_voter_not_in_people_is_named_with_the_line_of_the_vote(content):
    line = with_decisions(content, DECISION + "    votes:\n      - {person: nobody-here, vote: for}\n")
    assert problems(content, linked=True) == [
        f"content/{JUNE}:{line + 8}: decisions[1].votes[1].person: person 'nobody-here' is not in "
        "content/people.yml; add them there or correct the slug"
    ]


def test_an_item_the_meeting_did_not_have_is_refused(content):
    line = with_decisions(content, DECISION.replace('"B"', '"C"'))
    (found,) = problems(content, linked=True)
    assert found.startswith(f"content/{JUNE}:{line + 1}: decisions[1].item: 'C' is not an agenda item of this meeting")


def test_counts_that_disagree_with_the_votes_listed_are_refused(content):
    line = with_decisions(
        content,
        DECISION + "    counts: {for: 2, against: 0}\n    votes:\n      - {person: grace-kim, vote: for}\n",
    )
    assert problems(content, linked=True) == [
        f"content/{JUNE}:{line + 7}: decisions[1].counts: say 2 for, 0 against, but the votes listed are "
        "1 for, 0 against; make them agree, or leave out the one the minutes do not give"
    ]


def test_a_count_that_is_not_a_whole_number_is_refused(content):
    line = with_decisions(content, DECISION + "    counts:\n      for: five\n      against: 0\n")
    assert problems(content, linked=True) == [
        f"content/{JUNE}:{line + 8}: decisions[1].counts.for: 'five' is not a whole number, such as 5"
    ]


def test_a_member_given_two_votes_is_refused(content):
    line = with_decisions(
        content,
        DECISION + "    votes:\n      - {person: grace-kim, vote: for}\n      - {person: grace-kim, vote: against}\n",
    )
    assert problems(content, linked=True) == [
        f"content/{JUNE}:{line + 9}: decisions[1].votes[2].person: 'grace-kim' has a vote already, "
        f"at line {line + 8}; give each member one vote"
    ]


def test_a_result_outside_the_list_is_refused_with_the_list(content):
    line = with_decisions(content, DECISION.replace("result: carried", "result: passed"))
    assert problems(content, linked=True) == [
        f"content/{JUNE}:{line + 6}: decisions[1].result: 'passed' is not allowed; "
        "expected one of: carried, lost, withdrawn, deferred"
    ]


def test_a_cancelled_meeting_decided_nothing(content):
    with_decisions(content, DECISION)
    path = content / JUNE
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\nstatus: cancelled\n", 1), encoding="utf-8")
    found = problems(content, linked=True)
    assert any(
        ": decisions: is given for a cancelled meeting; a meeting that did not take place decided nothing" in p
        for p in found
    ), found
