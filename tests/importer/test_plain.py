"""Minutes printed as running text: which lines start items, who is listed as present, and what is a motion."""

import pytest

from minutebook.importer.draft import file_name, render
from minutebook.importer.found import Reference
from minutebook.importer.parse import parse
from minutebook.importer.people import people_list
from minutebook.importer.plain import item_start, motions_in
from minutebook.importer.repair import blocks_of
from tests.importer.snippets import document


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("70/17 Apologies for absence", "70/17", "Apologies for absence"),
        ("39/20 MINUTES OF THE LAST MEETING", "39/20", "MINUTES OF THE LAST MEETING"),
        ("C048/23 FINANCE: the Clerk reported.", "C048/23", "FINANCE"),
        ("1. Call to Order", "1", "Call to Order"),
        ("CALL TO ORDER", "", "CALL TO ORDER"),
        ("A. CALL TO ORDER", "A", "CALL TO ORDER"),
        ("C. CONSENT AGENDA", "C", "CONSENT AGENDA"),
    ],
)
def test_a_line_starting_an_item(line, number, title):
    start = item_start(line, set(), "")
    assert (start.number, start.title) == (number, title)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("1. The Board noted the report.", "a numbered sentence is a list entry"),
        ("RESOLVED that the payments be approved.", "a decision, not a heading"),
        ("ACTION: Clerk to write to the highways authority.", "an action"),
        ("PRESENT", "a label"),
        ("2. Budget", "2 does not follow 4"),
        ("B. Roll call", "B does not follow a letter, and the title is not in capitals"),
    ],
)
def test_a_line_that_starts_no_item(line, why):
    assert item_start(line, set(), "4") is None, why


def test_the_next_number_in_the_outline_starts_an_item_and_a_number_already_used_does_not():
    assert item_start("5. Adjournment", set(), "4") is not None
    assert item_start("4.1 Staffing", set(), "4") is not None
    assert item_start("5. Adjournment", {"5"}, "4") is None


def test_people_with_titles_roles_and_a_title_that_goes_on_to_the_names_after_it():
    members, skipped = people_list("Mayor Linda Park, Council Members Tom Adams and Rosa Baker", Reference())
    assert [(m.person, m.role) for m in members] == [
        ("linda-park", "Mayor"),
        ("tom-adams", "Council Member"),
        ("rosa-baker", "Council Member"),
    ]
    assert skipped == []


def test_people_listed_name_comma_role_between_semicolons():
    members, _ = people_list("Karen Liu, President; Marcus Webb, Vice President", Reference())
    assert [(m.person, m.role) for m in members] == [("karen-liu", "President"), ("marcus-webb", "Vice President")]


def test_who_is_in_the_chair_is_read_from_the_brackets_and_left_out_of_the_role():
    (member,), _ = people_list("Cllr J Abbott (Mayor, in the Chair)", Reference())
    assert (member.person, member.role, member.chair) == ("j-abbott", "Mayor", True)


def test_what_names_nobody_is_reported_not_dropped():
    members, skipped = people_list("Mrs Helen Marsh (Clerk) and three members of the public", Reference())
    assert ([m.person for m in members], skipped) == (["helen-marsh"], ["three members of the public"])


def test_a_proposal_and_its_result_on_the_next_line_are_one_motion():
    blocks = [
        b for line in ("Proposed: Cllr Bhatt Seconded: Cllr Connolly", "RESOLVED unanimously.") for b in blocks_of(line)
    ]
    assert motions_in(blocks) == ("Proposed: Cllr Bhatt Seconded: Cllr Connolly RESOLVED unanimously.",)


def test_two_resolutions_are_two_motions():
    blocks = [
        b
        for line in ("RESOLVED: That the minutes be approved.", "RESOLVED: That the report be noted.")
        for b in blocks_of(line)
    ]
    assert len(motions_in(blocks)) == 2


def test_a_heading_line_not_understood_in_a_table_layout_goes_into_the_body_not_a_comment():
    """'T O I' printed under the attendance table of October 2016: once only in a comment, now text marked CHECK."""
    draft = document(
        "Monthly Assurance Meeting October 2016 – Meeting Notes",
        "\tName:\tCapacity:",
        "Attendance:\tJohn Campion\tPolice and Crime Commissioner (PCC)",
        "\tT O I\t",
        "1.\tOUTSTANDING MATTERS\tACTION",
        "\tThere were no outstanding matters.\t",
    )
    text = render(draft, "minutes.txt")
    front, body = text.split("---\n", 2)[1:]
    assert "T O I" not in front
    assert body.index("T O I [CHECK: printed in the heading but not understood, so not used]") < body.index("## 1")


def test_a_second_line_starting_with_a_header_label_is_kept_as_text_not_taken_for_the_fact():
    draft = document(
        "Monthly Assurance Meeting April 2019 – Meeting Notes",
        "- Date: Tuesday 30th April 2019 @ 10:00",
        "Date of next meeting: Tuesday 28 May 2019",
    )
    assert draft.date.value == "2019-04-30"
    assert "Date of next meeting: Tuesday 28 May 2019" in render(draft, "minutes.txt").split("---\n", 2)[2]


def test_minutes_whose_items_are_not_recognised_still_give_their_header_facts_and_keep_every_line():
    lines = [
        "Greystone District Council",
        "",
        "Meeting held on Monday 9 March 2020 at 2.00 pm in Committee Room 1",
        "Councillors present: Ann Kerr (Chairman), Bill Ngata",
        "",
        "Agenda item one – Apologies",
        "None were received.",
    ]
    draft = document(*lines)
    assert (draft.date.value, draft.time.value, draft.venue.value, draft.chair.value) == (
        "2020-03-09",
        "14:00",
        "Committee Room 1",
        "ann-kerr",
    )
    body = render(draft, "minutes.txt").split("---\n", 2)[2]
    assert all(line in body for line in lines[2:] if line)
    assert "Agenda item one – Apologies [CHECK: printed before the first item; no field holds it]" in body


def test_an_action_under_an_item_printed_without_a_number_names_the_item_by_its_title():
    draft = document(
        "CITY OF HOLLOW CREEK",
        "MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL",
        "June 18, 2019",
        "",
        "CALL TO ORDER",
        "Mayor Ann Lee called the meeting to order at 7:00 p.m.",
        "",
        "PUBLIC WORKS UPDATE",
        "The director reported on the sidewalk repairs.",
        "ACTION: Director to report on the costs of the repairs.",
    )
    front = render(draft, "minutes.txt").split("---\n", 2)[1]
    assert "  - title: PUBLIC WORKS UPDATE  # CHECK: printed in capitals" in front
    assert (
        '    item: "PUBLIC WORKS UPDATE"  # the item\'s title: if you respell it in agenda, respell it here\n' in front
    )


# ---------------------------------------------------------------- what the archive already declares

PARISH = Reference(
    people=(("margaret-hale", "Margaret Hale"), ("tom-briggs", "Tom Briggs"), ("helen-marsh", "Helen Marsh")),
    meeting_types=("Full Council", "Planning Committee"),
)
PARISH_MINUTES = (
    "LITTLE SNORING PARISH COUNCIL",
    "Minutes of the Full Council meeting held on 10 October 2023 at 7.30 pm",
    "",
    "Present: Cllr M Hale (Chairman), Cllr T Briggs, Cllr R Jones",
    "",
    "23/050 Apologies",
    "There were none.",
)


def test_a_meeting_type_site_yml_declares_is_taken_where_the_title_names_it():
    draft = document(*PARISH_MINUTES, reference=PARISH)
    assert (draft.meeting_type.value, draft.meeting_type.checks) == ("Full Council", ())
    assert "2023-10-10-full-council.md" == file_name(draft)


def test_a_declared_type_in_the_body_s_own_name_is_not_taken_for_the_meeting_s():
    council = Reference(people=PARISH.people, meeting_types=("Parish Council", "Full Council"))
    committee = ("LITTLE SNORING PARISH COUNCIL", "Minutes of the Finance Committee meeting held on 10 October 2023")
    draft = document(*committee, *PARISH_MINUTES[2:], reference=council)
    assert draft.meeting_type.value != "Parish Council" and draft.meeting_type.checks


def test_a_type_read_from_the_title_line_alone_is_checked_naming_the_types_declared():
    untyped = ("LITTLE SNORING PARISH COUNCIL", "Minutes of the meeting held on 10 October 2023")
    draft = document(*untyped, *PARISH_MINUTES[2:], reference=PARISH)
    (check,) = draft.meeting_type.checks
    assert check.endswith("(site.yml declares Full Council, Planning Committee)")


def test_a_name_printed_with_an_initial_is_the_one_person_of_that_initial_and_surname():
    attendees = {m.name: m for m in document(*PARISH_MINUTES, reference=PARISH).attendees}
    hale = attendees["M Hale"]
    assert (hale.person, hale.known) == ("margaret-hale", True)
    assert hale.checks == ('"M Hale" is read as Margaret Hale (margaret-hale) by initial and surname; '
                           "correct the slug if it is someone else",)  # fmt: skip
    jones = attendees["R Jones"]  # nobody of that surname: a new person
    assert (jones.person, jones.known) == ("r-jones", False)


def test_an_initial_two_people_share_with_a_surname_is_matched_to_neither():
    two_hales = Reference(people=(("margaret-hale", "Margaret Hale"), ("mark-hale", "Mark Hale")))
    attendees = {m.name: m for m in document(*PARISH_MINUTES, reference=two_hales).attendees}
    assert (attendees["M Hale"].person, attendees["M Hale"].known) == ("m-hale", False)


# A harbour board's minutes: the heading, then items; apologies are read from an item on them.
HARBOUR = ["Harbour Board", "Present: Cllr Ruth Hale (Chair), Cllr Tom Briggs", ""]
UNREAD = "apologies: []  # CHECK: item 1 minutes apologies, but no names could be read from it"


def under(title: str, *lines: str, reference: Reference = Reference()):
    """The draft of the harbour board's minutes with one item, `title`, holding `lines`."""
    return parse([*HARBOUR, f"1. {title}", *lines], reference)


@pytest.mark.parametrize(
    "sentence",
    [
        "Cllr Jo Wren and Cllr Dev Lang sent apologies.",
        "Cllr Jo Wren and Cllr Dev Lang had sent their apologies for absence.",
        "Cllr Jo Wren and Cllr Dev Lang tendered apologies.",
        "The Clerk had received apologies from Cllr Jo Wren and Cllr Dev Lang.",
        "Members noted apologies from Cllr Jo Wren and Cllr Dev Lang.",
    ],
)
def test_apologies_given_in_a_sentence_of_their_own_name_who_gave_them(sentence):
    draft = under("Apologies", sentence)
    assert [(m.person, m.role) for m in draft.apologies] == [("jo-wren", "Councillor"), ("dev-lang", "Councillor")]


def test_apologies_sent_by_people_the_archive_knows_need_no_title():
    reference = Reference((("jo-wren", "Jo Wren"), ("dev-lang", "Dev Lang")))
    draft = under("Apologies", "Jo Wren and Dev Lang sent apologies.", reference=reference)
    assert [m.person for m in draft.apologies] == ["jo-wren", "dev-lang"]


@pytest.mark.parametrize(
    "title, sentence",
    [
        ("Chair's announcements", "The Chair said the Clerk had sent apologies to the family of Mr Ives."),
        ("Code of conduct", "Cllr Briggs referred to his remarks. Cllr Tom Briggs offered his apologies."),
    ],
)
def test_an_apology_offered_under_another_item_is_no_absence(title, sentence):
    assert under(title, sentence).apologies == ()


def test_someone_listed_as_present_and_as_sending_apologies_is_marked():
    (briggs,) = under("Apologies", "Cllr Tom Briggs sent apologies.").apologies
    assert "Tom Briggs is listed as present too; keep them in one of the lists" in briggs.checks


@pytest.mark.parametrize(
    "title, sentence",
    [
        ("Apologies", "Cllr Wren regretted that she was unable to attend."),
        ("Apologies", "Sadly Cllr Wren sent apologies."),
        ("Apologies", "Both Cllr Wren and Cllr Lang sent apologies."),
        ("Apologies", "The Clerk sent apologies."),
        ("Apologies", "Thames Water had sent apologies."),
        ("Apologies", "The Police and Crime Commissioner sent apologies."),
        ("Apologies", "The Clerk had received apologies from the Environment Agency."),
        ("Apologies", "Cllr Wren sent apologies for absence, which were accepted; none were received from Cllr Lang."),
        ("Welcome and apologies", "The Chair welcomed everyone."),
    ],
)
def test_an_apologies_item_whose_names_cannot_be_read_is_marked_for_the_editor(title, sentence):
    assert UNREAD in render(under(title, sentence), "m.txt")


@pytest.mark.parametrize(
    "sentence",
    ["No apologies were received.", "None.", "There were no apologies for absence.", "All members were present.",
     "Full attendance."],
)  # fmt: skip
def test_an_apologies_item_that_says_there_were_none_is_no_doubt(sentence):
    assert "\napologies: []\n" in render(under("Apologies", sentence), "m.txt")
