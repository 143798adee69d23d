"""Minutes in the common shapes of other bodies, with the fields each one prints, and the importer's score on them.

Each text in tests/fixtures/import/ is invented (bodies, people and business), laid
out as such minutes are: a parish council, a US city council, a school board, a
police and crime panel and a charity's trustees. `PRINTED` lists, per text, every
field the text prints and its right value; a field it does not print is not listed.
The five seeds (tests/fixtures/assurance-sources/) are scored against the meeting files an editor made of them
(tests/fixtures/assurance/).

    PYTHONPATH=. python -m tests.importer.shapes

prints, per text, the fields found of the fields printed and the CHECK markers in the draft.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from minutebook.content.load import SourceFile, parse_content, parse_meeting, read_sources
from minutebook.importer import dates, plain
from minutebook.importer.decisions import decisions_of
from minutebook.importer.draft import check_count, render
from minutebook.importer.found import Draft, Reference
from minutebook.importer.parse import parse
from minutebook.importer.read import text_lines
from minutebook.model import Counts, Meeting
from tests.conftest import ASSURANCE, ASSURANCE_SOURCES

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
SOURCES = ASSURANCE_SOURCES

PRINTED: dict[str, dict[str, object]] = {
    "parish-council.txt": {
        "date": "2017-09-12",
        "time": "19:30",
        "venue": "Village Hall, Church Lane",
        "chair": "margaret-hollis",
        "attendees": [
            ("margaret-hollis", "Chair"),
            ("peter-dunmore", "Councillor"),
            ("sarah-whitlock", "Councillor"),
            ("graham-fenn", "Councillor"),
            ("ruth-okoye", "Councillor"),
            ("helen-marsh", "Clerk"),
        ],
        "apologies": [("david-pryce", "Councillor"), ("anne-lister", "Councillor")],
        "agenda": [
            ("70/17", "Apologies for absence"),
            ("71/17", "Declarations of interest"),
            ("72/17", "Minutes of the previous meeting"),
            ("73/17", "Public participation"),
            ("74/17", "Finance"),
            ("75/17", "Planning"),
            ("76/17", "Date of next meeting"),
        ],
        "actions": [("73/17", "helen-marsh")],
        "motions": {"72/17": 1, "74/17": 1},
        "decisions": [("72/17", "resolution", "carried", ""), ("74/17", "resolution", "carried", "")],
        "next_meeting": ("2017-10-10", "19:30"),
    },
    "city-council.txt": {
        "date": "2019-06-18",
        "time": "19:00",
        "venue": "Council Chambers, City Hall, 200 Main Street",
        "chair": "linda-park",
        "attendees": [
            ("linda-park", "Mayor"),
            ("tom-adams", "Council Member"),
            ("rosa-baker", "Council Member"),
            ("kevin-chen", "Council Member"),
            ("dana-diaz", "Council Member"),
            ("eli-foster", "Council Member"),
            ("grace-holt", "City Manager"),
            ("ben-ortiz", "City Attorney"),
            ("nora-quinn", "City Clerk"),
        ],
        "agenda": [
            ("", "CALL TO ORDER"),
            ("", "ROLL CALL"),
            ("", "PLEDGE OF ALLEGIANCE"),
            ("", "APPROVAL OF MINUTES"),
            ("", "PUBLIC COMMENT"),
            ("", "NEW BUSINESS"),
            ("1", "Resolution 2019-14, awarding the Elm Street paving contract"),
            ("2", "Library hours pilot"),
            ("", "ADJOURNMENT"),
        ],
        "actions": [("2", "grace-holt")],
        "motions": {"APPROVAL OF MINUTES": 1, "1": 1},
        "decisions": [("APPROVAL OF MINUTES", "motion", "carried", "5-0"), ("1", "resolution", "carried", "5-0")],
        "next_meeting": ("2019-07-16", "19:00"),
    },
    "school-board.txt": {
        "date": "2019-03-14",
        "time": "18:30",
        "venue": "District Office Board Room, 1450 Oak Avenue",
        "chair": "karen-liu",
        "minute_taker": ("amy-tran", "Recording Secretary"),
        "attendees": [
            ("karen-liu", "President"),
            ("marcus-webb", "Vice President"),
            ("priya-nair", "Clerk"),
            ("samuel-ortega", "Member"),
            ("julia-brandt", "Member"),
            ("helen-carter", "Superintendent"),
            ("raymond-fox", "Assistant Superintendent, Business Services"),
        ],
        "agenda": [
            ("1", "Call to Order"),
            ("2", "Approval of the Agenda"),
            ("3", "Superintendent's Report"),
            ("4", "Budget Update"),
            ("5", "Adjournment"),
        ],
        "actions": [("3", "helen-carter"), ("4", "raymond-fox")],
        "motions": {"2": 1},
        "decisions": [("2", "motion", "carried", "5-0")],
        "next_meeting": ("2019-04-11", "18:30"),
    },
    "police-panel.txt": {
        "date": "2020-06-18",
        "time": "10:00",
        "venue": "County Hall, Northtown",
        "chair": "alan-meredith",
        "attendees": [
            ("alan-meredith", "Chairman"),
            ("fiona-hargreaves", "Vice-Chairman"),
            ("imran-shah", "Councillor"),
            ("lucy-penrose", "Councillor"),
            ("derek-walsh", "Independent Member"),
            ("jonathan-reeve", "Police and Crime Commissioner"),
            ("carol-baines", "Chief Executive, Office of the Police and Crime Commissioner"),
        ],
        "apologies": [("tom-garside", "Councillor"), ("wendy-pike", "Councillor")],
        "agenda": [
            ("38/20", "APOLOGIES FOR ABSENCE"),
            ("39/20", "MINUTES OF THE LAST MEETING"),
            ("40/20", "DECLARATIONS OF INTEREST"),
            ("41/20", "POLICE AND CRIME COMMISSIONER'S ANNUAL REPORT 2019/20"),
            ("42/20", "DATE OF NEXT MEETING"),
        ],
        "actions": [("41/20", "carol-baines")],
        "motions": {"39/20": 1, "41/20": 1},
        "decisions": [("39/20", "resolution", "carried", ""), ("41/20", "resolution", "carried", "")],
        "next_meeting": ("2020-09-17", "10:00"),
    },
    "charity-trustees.txt": {
        "date": "2023-11-07",
        "time": "18:00",
        "venue": "Harbourside Community Centre, Room 2",
        "chair": "olivia-grant",
        "minute_taker": ("tom-achebe", "Secretary"),
        "attendees": [
            ("olivia-grant", "Chair"),
            ("tom-achebe", "Secretary"),
            ("naomi-fischer", "Treasurer"),
            ("raj-malhotra", "Trustee"),
            ("claire-dubois", "Trustee"),
        ],
        "apologies": [("stephen-wu", "Trustee")],
        "agenda": [
            ("1", "WELCOME AND APOLOGIES"),
            ("2", "FINANCE REPORT"),
            ("3", "VOLUNTEERS"),
            ("4", "SAFEGUARDING POLICY"),
            ("5", "ANY OTHER BUSINESS"),
            ("", "DATE OF NEXT MEETING"),
        ],
        "actions": [("2", "naomi-fischer"), ("3", "raj-malhotra")],
        "motions": {"4": 1},
        "decisions": [("4", "motion", "carried", "")],
        "next_meeting": ("2024-01-09", "18:00"),
    },
}
# Written after the importer read the texts above, and scored before it was changed for them:
# a check on how far its rules reach beyond the texts they were written with.
PRINTED |= {
    "town-council-wrapped.txt": {
        "date": "2019-06-18",
        "time": "19:00",
        "venue": "Council Chamber, The Guildhall, Market Square",
        "chair": "j-abbott",
        "minute_taker": ("kate-selby", "Town Clerk"),
        "attendees": [
            ("j-abbott", "Mayor"),
            ("r-bhatt", "Councillor"),
            ("s-connolly", "Councillor"),
            ("t-daley", "Councillor"),
        ],
        "apologies": [("m-evans", "Councillor")],
        "agenda": [("C048/19", "APOLOGIES"), ("C049/19", "MINUTES"), ("C050/19", "FINANCE"), ("C051/19", "CLOSURE")],
        "actions": [("C050/19", "kate-selby")],
        "motions": {"C049/19": 1, "C050/19": 1},
        "decisions": [("C049/19", "resolution", "carried", ""), ("C050/19", "resolution", "carried", "")],
        "next_meeting": ("2019-07-16", "19:00"),
    },
    "city-council-lettered.txt": {
        "date": "2019-06-18",
        "time": "19:00",
        "venue": "City Hall Council Chambers",
        "chair": "ruth-ingram",
        "attendees": [
            ("paul-adler", "Councilmember"),
            ("maria-soto", "Councilmember"),
            ("james-whitfield", "Councilmember"),
            ("nadia-khan", "Councilmember"),
            ("leo-marsh", "Finance Director"),
        ],
        "agenda": [
            ("A", "CALL TO ORDER"),
            ("B", "ROLL CALL"),
            ("C", "CONSENT AGENDA"),
            ("D", "NEW BUSINESS"),
            ("1", "Water rate study"),
            ("E", "ADJOURNMENT"),
        ],
        "actions": [("1", "leo-marsh")],
        "motions": {"C": 1, "1": 1},
        "decisions": [("C", "motion", "carried", "4-0"), ("1", "motion", "carried", "4-0")],
    },
    "governors.txt": {
        "date": "2019-03-06",
        "time": "18:00",
        "venue": "school library",
        "chair": "alice-mortimer",
        "attendees": [
            ("alice-mortimer", "Chair of Governors"),
            ("david-kwan", "Headteacher"),
            ("fatima-rahman", "Governor"),
            ("owen-price", "Governor"),
            ("jill-norris", "Governor"),
            ("sue-patel", "Clerk to Governors"),
        ],
        "apologies": [("henry-lowe", "")],
        "agenda": [
            ("1", "Welcome and declarations of interest"),
            ("2", "Headteacher's report"),
            ("3", "Policies"),
            ("4", "Date of next meeting"),
        ],
        "actions": [("2", "david-kwan")],
        "motions": {"3": 1},
        "decisions": [("3", "resolution", "carried", "")],
        "next_meeting": ("2019-05-15", "18:00"),
    },
}
# A second round, written and scored the same way after the first round's rules were in.
PRINTED |= {
    "accountability-board.txt": {
        "date": "2021-02-03",
        "time": "14:00",
        "venue": "Microsoft Teams",
        "minute_taker": ("lauren-fry", "Governance Officer"),
        "attendees": [
            ("paul-everly", "Police, Fire and Crime Commissioner"),
            ("hannah-moss", "Chief Executive, OPFCC"),
            ("mark-doyle", "Chief Constable"),
            ("sian-rowe", "Deputy Chief Constable"),
        ],
        "apologies": [("neil-grant", "Chief Fire Officer")],
        "agenda": [
            ("1", "Welcome and apologies"),
            ("2", "Minutes and action log"),
            ("3", "Police performance report"),
            ("3.1", "Call handling"),
            ("4", "Any other business"),
            ("5", "Date of next meeting"),
        ],
        "actions": [("3", "mark-doyle")],
        "next_meeting": ("2021-03-03", "14:00"),
    },
    "school-board-roll-call.txt": {
        "date": "2020-01-13",
        "time": "18:00",
        "venue": "Administration Building Board Room",
        "chair": "carlos-vega",
        "attendees": [
            ("carlos-vega", "President"),
            ("beth-holloway", "Secretary"),
            ("dean-foster", "Member"),
            ("amy-lin", "Member"),
            ("ron-baxter", "Member"),
            ("joyce-kim", "Superintendent"),
        ],
        "agenda": [
            ("1", "CALL TO ORDER AND DETERMINATION OF QUORUM"),
            ("2", "CONSENT AGENDA"),
            ("3", "DISCUSSION AND POSSIBLE ACTION ON THE 2020-2021 SCHOOL CALENDAR"),
            ("4", "ADJOURNMENT"),
        ],
        "actions": [("3", "joyce-kim")],
        "motions": {"2": 1, "3": 1},
        "decisions": [("2", "motion", "carried", "5-0"), ("3", "motion", "carried", "4-1")],
    },
}
# A third round, written and scored the same way after the second round's rules were in.
PRINTED |= {
    "committee-item-colon.txt": {
        "date": "2020-03-09",
        "time": "14:00",
        "venue": "Committee Room 1, Greystone House",
        "chair": "ann-kerr",
        "attendees": [
            ("ann-kerr", "Chairman"),
            ("bill-ngata", "Councillor"),
            ("carol-price", "Councillor"),
            ("dev-sharma", "Councillor"),
            ("eve-long", "Licensing Manager"),
            ("frank-hale", "Legal Adviser"),
            ("gwen-ash", "Democratic Services Officer"),
        ],
        "apologies": [("harry-tate", "Councillor")],
        "agenda": [
            ("1", "Apologies for absence"),
            ("2", "Declarations of interest"),
            ("3", "Review of the taxi licensing policy"),
            ("4", "Date of next meeting"),
        ],
        "actions": [("3", "eve-long")],
        "motions": {"3": 1},
        "decisions": [("3", "resolution", "carried", "")],
        "next_meeting": ("2020-04-06", "14:00"),
    },
    "city-council-sentences.txt": {
        "date": "2020-01-07",
        "time": "18:30",
        "venue": "Town Hall, 12 Front Street",
        "chair": "helen-brooks",
        "attendees": [
            ("omar-farid", "Councilmember"),
            ("lisa-grant", "Councilmember"),
            ("peter-hume", "Councilmember"),
        ],
        "agenda": [
            ("", "APPROVAL OF THE AGENDA"),
            ("", "RESOLUTION NO. 2020-01"),
            ("", "STAFF REPORTS"),
            ("", "ADJOURNMENT"),
        ],
        "actions": [("STAFF REPORTS", "")],
        "motions": {"APPROVAL OF THE AGENDA": 1, "RESOLUTION NO. 2020-01": 1},
        "decisions": [
            ("APPROVAL OF THE AGENDA", "motion", "carried", "3-0"),
            ("RESOLUTION NO. 2020-01", "resolution", "carried", "3-0"),
        ],
    },
}
# A fourth round, written and scored the same way after the third round's rules were in.
PRINTED |= {
    "parish-minute-no.txt": {
        "date": "2019-12-02",
        "time": "19:30",
        "venue": "Reading Room",
        "chair": "okafor",
        "minute_taker": ("jean-harcourt", "Clerk"),
        "attendees": [
            ("okafor", "Chairman"),
            ("reyes", "Councillor"),
            ("lindqvist", "Councillor"),
            ("dutta", "Councillor"),
        ],
        "apologies": [("whitmore", "Councillor")],
        "agenda": [
            ("112/19", "Apologies"),
            ("113/19", "Minutes"),
            ("114/19", "Highways"),
            ("115/19", "Date of next meeting"),
        ],
        "actions": [("114/19", "jean-harcourt")],
        "motions": {"113/19": 1},
        "decisions": [("113/19", "motion", "carried", "")],
        "next_meeting": ("2020-01-06", "19:30"),
    },
    "board-of-education-votes.txt": {
        "date": "2019-04-02",
        "time": "19:00",
        "venue": "Riverside High School Library",
        "chair": "baker",
        "attendees": [
            ("adams", ""),
            ("baker", ""),
            ("chen", ""),
            ("ellis", ""),
            ("maria-gomez", "Superintendent"),
            ("tom-walsh", "Business Administrator"),
        ],
        "agenda": [
            ("I", "Call to Order"),
            ("II", "Approval of Minutes"),
            ("III", "Superintendent's Report"),
            ("IV", "Adjournment"),
        ],
        "actions": [("III", "tom-walsh")],
        "motions": {"II": 1},
        "decisions": [("II", "motion", "carried", "4-0")],
        "next_meeting": ("2019-04-16", "19:00"),
    },
}
# A fifth round, written and scored the same way after the fourth round's rules were in.
PRINTED |= {
    "trustees-short-forms.txt": {
        "date": "2020-02-05",
        "time": "18:30",
        "venue": "Northgate Library meeting room",
        "chair": "grace-obi",
        "attendees": [
            ("grace-obi", "Trustee"),
            ("sam-patel", "Trustee"),
            ("lena-fox", "Trustee"),
            ("iain-ross", "Trustee"),
            ("ruth-cole", "Manager"),
        ],
        "apologies": [("mo-yusuf", "")],
        "agenda": [
            ("1", "Minutes of the last meeting"),
            ("2", "Manager's report"),
            ("3", "Premises"),
            ("4", "Next meeting"),
        ],
        "actions": [("2", "ruth-cole"), ("3", "iain-ross")],
        "next_meeting": ("2020-03-04", "18:30"),
    },
    "city-council-presiding.txt": {
        "date": "2019-05-06",
        "time": "19:00",
        "venue": "Council Chamber",
        "chair": "amy-stone",
        "attendees": [
            ("ben-adler", "Councilor"),
            ("carla-diaz", "Councilor"),
            ("evan-frost", "Councilor"),
            ("gina-hill", "Councilor"),
        ],
        "agenda": [
            ("1", "CONSENT CALENDAR"),
            ("2", "PUBLIC HEARING – ZONING AMENDMENT 19-03"),
            ("3", "ADJOURNMENT"),
        ],
        "motions": {"1": 1, "2": 1},
        "decisions": [("1", "motion", "carried", ""), ("2", "ordinance", "carried", "4-0")],
        "next_meeting": ("2019-05-20", "19:00"),
    },
}
# A sixth round, written after every change above and scored before any change for it: 11 of 18
# fields. The rules it showed missing were then added ("Start:", a venue after the date and a comma,
# apologies in an item's title line, a surname read as the person printed in full, headings in
# ordinary case in minutes with no other items).
PRINTED |= {
    "parish-start-finish.txt": {
        "date": "2019-06-18",
        "time": "19:30",
        "venue": "Keston Marsh Village Hall",
        "chair": "rebecca-thorne",
        "attendees": [
            ("rebecca-thorne", "Councillor"),
            ("ashdown", "Councillor"),
            ("mbeki", "Councillor"),
            ("ferris", "Councillor"),
            ("o-neill", "Councillor"),
            ("philip-crane", "Clerk"),
            ("dan-webb", "PCSO"),
        ],
        "apologies": [("ellison", "Councillor")],
        "agenda": [
            ("45/19", "APOLOGIES FOR ABSENCE"),
            ("46/19", "DECLARATIONS OF INTEREST"),
            ("47/19", "POLICE REPORT"),
            ("48/19", "PLAYING FIELD"),
            ("49/19", "DATE OF NEXT MEETING"),
        ],
        "actions": [("48/19", "philip-crane")],
        "motions": {"48/19": 1},
        "decisions": [("48/19", "motion", "carried", "")],
        "next_meeting": ("2019-07-16", "19:30"),
    },
    "township-board.txt": {
        "date": "2019-10-14",
        "time": "19:00",
        "venue": "Township Hall",
        "chair": "dale-reed",
        "attendees": [
            ("dale-reed", "Supervisor"),
            ("karen-moss", "Clerk"),
            ("jim-tate", "Treasurer"),
            ("ann-lowe", "Trustee"),
        ],
        "agenda": [("", "Approval of Agenda"), ("", "Road Report"), ("", "Adjournment")],
        "actions": [("Road Report", "karen-moss")],
        "motions": {"Approval of Agenda": 1, "Adjournment": 1},
        "decisions": [("Approval of Agenda", "motion", "carried", "4-0"), ("Adjournment", "motion", "carried", "4-0")],
    },
}
# An eighth round, written after every change above and scored without changing the importer for
# it: the importer's measure on shapes it has not seen. What it misses is listed in LIMITS below.
PRINTED |= {
    "fire-authority.txt": {
        "date": "2021-11-25",
        "time": "10:30",
        "venue": "Fire Service Headquarters, Southmoor",
        "chair": "k-adeyemi",
        "attendees": [
            ("k-adeyemi", "Chair"),
            ("l-brennan", "Councillor"),
            ("m-carver", "Councillor"),
            ("p-dolan", "Councillor"),
            ("s-grant", "Chief Fire Officer"),
            ("h-ives", "Treasurer"),
            ("r-jacobs", "Clerk to the Authority"),
        ],
        "apologies": [("t-evans", "Councillor")],
        "agenda": [
            ("AG/21/17", "APOLOGIES"),
            ("AG/21/18", "INTERNAL AUDIT PROGRESS REPORT"),
            ("AG/21/19", "DATE OF NEXT MEETING"),
        ],
        "actions": [("AG/21/18", "h-ives")],
        "motions": {"AG/21/18": 1},
        "decisions": [("AG/21/18", "resolution", "carried", "")],
        "next_meeting": ("2022-03-24", "10:30"),
    },
    "village-hall-trustees.txt": {
        "date": "2022-09-12",
        "time": "19:30",
        "venue": "small hall",
        "chair": "anna-pike",
        "minute_taker": ("cora-sealy", "secretary"),
        "attendees": [
            ("anna-pike", "chair"),
            ("ben-rudd", "treasurer"),
            ("cora-sealy", "secretary"),
            ("dev-tandon", ""),
        ],
        "agenda": [
            ("", "Matters arising"),
            ("", "Treasurer's report"),
            ("", "Any other business"),
        ],
        "actions": [("", "ben-rudd"), ("", "cora-sealy")],
        "next_meeting": ("2022-11-14", "19:30"),
    },
}


# What the importer is known to miss in these texts: each such field's test is marked
# xfail(strict=True) with the reason, so it fails the day the limit is lifted.
LIMITS: dict[tuple[str, str], str] = {
    ("fire-authority.txt", "attendees"): 'a title with words in lower case ("Clerk to the Authority R. Jacobs") '
    "is not read as a title before a name",
    ("fire-authority.txt", "agenda"): 'minute numbers with two slashes ("AG/21/17") are not read as numbers: '
    "the items are read as headings in capitals, the number in the title",
    ("fire-authority.txt", "actions"): "the action's item has no number, as above",
    ("fire-authority.txt", "motions"): "the resolution is counted under a title that holds the number, as above",
    ("fire-authority.txt", "decisions"): "the resolution is drafted under a title that holds the number, as above",
    ("village-hall-trustees.txt", "minute_taker"): '"(minutes)" after a name in the list of those present, '
    "saying who took them, is not read",
    ("village-hall-trustees.txt", "agenda"): 'a heading in ordinary case with most of its words in lower case ("Any '
    'other business") is not read as a heading',
    (
        "village-hall-trustees.txt",
        "actions",
    ): '"Action – Ben: …" names its owner by first name alone, which is not matched',
}
# And from PDF, where the page's wrapping runs short lines together.
PDF_LIMITS: dict[str, str] = {
    "township-board.txt": 'wrapping runs "Board Members Absent: …" on after the last name present, and '
    "a label of capitalised words run on after a name cannot be told from more names",
}
# A seventh round, written after every change above and scored before any change for it: 7 of 18
# fields. Then added: "Agenda Item 1 –", "Members:" and "Officers:" lists, "Present were …" and
# "… was also present" inside a paragraph, apologies in a later sentence of a paragraph, "AGREED:"
# as a decision, and a venue that ends with its sentence.
PRINTED |= {
    "county-commission.txt": {
        "date": "2020-03-03",
        "time": "09:00",
        "venue": "Commission Chambers",
        "chair": "bill-ortiz",
        "attendees": [
            ("bill-ortiz", "Chairman"),
            ("sue-lang", "Vice Chair"),
            ("tom-haines", "Commissioner"),
            ("joan-price", "County Administrator"),
        ],
        "agenda": [
            ("1", "Approval of the Minutes"),
            ("2", "Road Department Report"),
            ("3", "Adjournment"),
        ],
        "actions": [("2", "joan-price")],
        "motions": {"1": 1},
        "decisions": [("1", "motion", "carried", "")],
    },
    "panel-agreed.txt": {
        "date": "2021-10-19",
        "time": "13:30",
        "venue": "Council Chamber, Westvale Civic Centre",
        "chair": "priya-shah",
        "attendees": [
            ("priya-shah", "Chair"),
            ("mark-doyle", "Councillor"),
            ("ewan-grey", "Councillor"),
            ("tessa-lim", "Independent Co-opted Member"),
            ("neil-barker", "Panel Support Officer"),
            ("rachel-owen", "Police and Crime Commissioner"),
        ],
        "apologies": [("ian-bell", "Councillor")],
        "agenda": [
            ("1", "Welcome and apologies"),
            ("2", "Minutes"),
            ("3", "Commissioner's update"),
            ("4", "Date of next meeting"),
        ],
        "actions": [("3", "neil-barker")],
        "motions": {"2": 1},
        "decisions": [("2", "motion", "carried", "")],
        "next_meeting": ("2021-12-14", "13:30"),
    },
}
# An eighth round, written after every change above and scored before any change for it: 8 of 11 fields.
# Then added: apologies given in a sentence of their own ("… and Cllr Dev Lang sent apologies."), a
# proposal seconded in the next sentence, a mover with "then" before "proposed", and a vote recorded as
# "For: … Against: …" read as each member's vote.
PRINTED |= {
    "harbour-board.txt": {
        "date": "2024-04-09",
        "time": "18:00",
        "venue": "Harbour Office, Quay Street",
        "chair": "ruth-hale",
        "attendees": [
            ("ruth-hale", "Chair"),
            ("tom-briggs", "Councillor"),
            ("anna-okafor", "Councillor"),
            ("sam-reed", "Harbour Master"),
        ],
        "apologies": [("jo-wren", "Councillor"), ("dev-lang", "Councillor")],
        "agenda": [
            ("1", "Apologies"),
            ("2", "Minutes of the last meeting"),
            ("3", "Mooring fees"),
            ("4", "Date of next meeting"),
        ],
        "actions": [("3", "sam-reed")],
        "motions": {"2": 1, "3": 1},
        "decisions": [("2", "motion", "carried", ""), ("3", "resolution", "carried", "")],
        "next_meeting": ("2024-05-14", "18:00"),
    },
}
SEEDS = ["2016-10-19", "2018-02-27", "2019-04-30", "2021-03-23", "2021-12-20"]


def fields_of_draft(draft: Draft) -> dict[str, object]:
    """What the importer found, in the shape of `PRINTED`."""
    taker = draft.minute_taker
    return {
        "date": draft.date.value,
        "time": draft.time.value,
        "venue": draft.venue.value,
        "chair": draft.chair.value,
        "minute_taker": (taker.person, taker.role) if taker else None,
        "attendees": [(m.person, m.role) for m in draft.attendees],
        "apologies": [(m.person, m.role) for m in draft.apologies],
        "agenda": [(i.number, i.title) for i in draft.agenda],
        "actions": [(a.item, a.owner) for a in draft.actions],
        "motions": {i.number or i.title: len(i.motions) for i in draft.agenda if i.motions},
        "decisions": [(d.item, d.kind, d.result, counted(d.counts)) for d in decisions_of(draft)],
        "next_meeting": (draft.next_meeting.date, draft.next_meeting.time) if draft.next_meeting else None,
    }


def counted(counts: Counts | None) -> str:
    """Counts as minutes print them, "5-0" or "5-0-1"; "" where none are printed."""
    return "-".join(str(n) for n in (counts.for_, counts.against, counts.abstain) if n is not None) if counts else ""


def fields_of_meeting(meeting: Meeting) -> dict[str, object]:
    """What an editor made of a seed, in the same shape; titles compared without capitals."""
    taker = meeting.minute_taker
    printed: dict[str, object] = {
        "date": meeting.date.isoformat(),
        "time": meeting.time,
        "venue": meeting.venue,
        "chair": meeting.chair,
        "minute_taker": (taker.person, taker.role) if taker else None,
        "attendees": [(m.person, m.role) for m in meeting.attendees],
        "agenda": [(i.number, i.title.casefold()) for i in meeting.agenda],
        "actions": [(a.item, a.owner or "") for a in meeting.actions],
    }
    if meeting.apologies:
        printed["apologies"] = [(m.person, m.role) for m in meeting.apologies]
    if meeting.next_meeting:
        printed["next_meeting"] = (meeting.next_meeting.date.isoformat(), meeting.next_meeting.time or "")
    return printed


def import_fixture(name: str) -> tuple[Draft, str]:
    draft = parse(text_lines((FIXTURES / name).read_text(encoding="utf-8")), Reference())
    return draft, render(draft, name)


def seed_reference(date: str) -> Reference:
    """The archive as it was before the seed's meeting was added: its people and titles, without its own."""
    sources, _ = read_sources(ASSURANCE)
    loaded, _ = parse_content([s for s in sources if not Path(s.path).name.startswith(date)])
    return Reference(
        tuple((p.slug, p.name) for p in loaded.people),
        tuple(dict.fromkeys(i.title for m in loaded.meetings for i in m.agenda)),
    )


def import_seed(date: str) -> tuple[Draft, str, dict[str, object]]:
    (curated,) = (ASSURANCE / "meetings").glob(f"{date}-*.md")
    errors: list = []
    meeting = parse_meeting(SourceFile.of_text(f"content/meetings/{curated.name}", curated.read_text("utf-8")), errors)
    seed = SOURCES / f"{curated.stem}.txt"
    draft = parse(text_lines(seed.read_text(encoding="utf-8")), seed_reference(date))
    return draft, render(draft, seed.name), fields_of_meeting(meeting)


def seed_text(date: str) -> str:
    (curated,) = (ASSURANCE / "meetings").glob(f"{date}-*.md")
    return (SOURCES / f"{curated.stem}.txt").read_text(encoding="utf-8")


def score(found: dict[str, object], printed: dict[str, object], seed: bool = False) -> list[str]:
    """The printed fields the importer found right."""
    if seed:
        found = dict(found, agenda=[(n, t.casefold()) for n, t in found["agenda"]])  # type: ignore[union-attr]
    return [name for name, value in printed.items() if found.get(name) == value]


# ---------------------------------------------------------------- nothing lost

MARKER = re.compile(r"\s*\[CHECK: [^\]]*\]")
COMMENT = re.compile(r"(?m)^\s*#.*$|\s+#\s.*$")
LABELLED = plain.LABEL


def words(text: str) -> list[str]:
    text = text.replace("’", "'")
    return re.findall(r"[^\W_]+(?:'[^\W_]+)*", text.casefold())


def without_comments_and_markers(draft_text: str) -> tuple[list[str], list[str]]:
    """The draft as an editor leaves it after deleting every comment and every CHECK marker:
    the words of each front-matter value, and the words of the body."""
    _, front, body = draft_text.split("---\n", 2)
    front = "\n".join(line for line in COMMENT.sub("", front).splitlines() if line.strip())
    data = yaml.safe_load(front) or {}
    data.pop("editorial_notes", None)

    def strings(value) -> list[str]:
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return [str(value)]

    return [" ".join(words(s)) for s in strings(data)], words(MARKER.sub("", body))


def sentences(source: str) -> list[str]:
    """Each line of the source, split after a full stop, question or exclamation mark."""
    return [
        sentence
        for line in source.splitlines()
        if line.strip()
        for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z])", " ".join(line.split()))
        if words(sentence)
    ]


def contains(sequence: list[str], part: list[str]) -> bool:
    joined = " " + " ".join(sequence) + " "
    return " " + " ".join(part) + " " in joined


def lost_sentences(source: str, draft_text: str) -> list[str]:
    """The source's sentences that the draft holds neither in its body nor whole in a front-matter
    value. A labelled header line ("Venue: …") counts as kept when its value is a front-matter value."""
    values, body = without_comments_and_markers(draft_text)
    front_words = set(" ".join(values).split())
    lost = []
    for sentence in sentences(source):
        said = words(sentence)
        if contains(body, said) or " ".join(said) in values:
            continue
        start = plain.item_start(sentence, set(), "")
        if start and start.worded and (start.number, start.title) in headings(draft_text):
            continue  # "Item 1: Apologies": its heading is "## 1 Apologies", as the editorial note says
        labelled = LABELLED.match(sentence)
        if labelled and (set(words(labelled.group("value"))) <= front_words or read_whole(labelled, values)):
            continue
        lost.append(sentence)
    return lost


def headings(draft_text: str) -> set[tuple[str, str]]:
    """Each numbered heading of the body, as (number, title)."""
    return set(re.findall(r"(?m)^## (\S+) (.+)$", draft_text.split("---\n", 2)[2]))


def read_whole(labelled: re.Match, values: list[str]) -> bool:
    """A Date or Time line whose value is written in the front matter in the format's own form."""
    value, label = labelled.group("value"), labelled.group("label").casefold()
    if label == "time":
        return " ".join(words(dates.clock(value)[0])) in values
    printed = dates.dates_in(value, "dm")
    return label == "date" and bool(printed) and " ".join(words(dates.read(printed[0], "dm")[0])) in values


def words_kept(source: str, draft_text: str, comments: bool = False) -> float:
    """The share of the source's words, counted with repeats, that the draft holds in its values and
    body (and, if asked, its comments): for the seeds, whose table layout defeats a sentence check."""
    values, body = without_comments_and_markers(draft_text)
    held = Counter(" ".join(values).split()) + Counter(body)
    if comments:
        held += Counter(words(" ".join(m.group(0) for m in COMMENT.finditer(draft_text.split("---\n", 2)[1]))))
    printed = Counter(words(re.sub(r"<[^>]*>", " ", source)))
    return sum((printed & held).values()) / sum(printed.values())


# ---------------------------------------------------------------- the table


def table() -> list[str]:
    rows = [f"{'text':<22} {'fields found':>12}  {'CHECK':>5}  {'sentences lost':>14}  fields not found"]
    for name, printed in PRINTED.items():
        draft, text = import_fixture(name)
        found = score(fields_of_draft(draft), printed)
        missing = ", ".join(f for f in printed if f not in found) or "-"
        lost = len(lost_sentences((FIXTURES / name).read_text(encoding="utf-8"), text))
        rows.append(f"{name:<22} {len(found):>6} of {len(printed):<3}  {check_count(text):>5}  {lost:>14}  {missing}")
    rows.append(f"{'':<22} {'':>12}  {'':>5}  {'words kept':>14}")
    for date in SEEDS:
        draft, text, printed = import_seed(date)
        found = score(fields_of_draft(draft), printed, seed=True)
        missing = ", ".join(f for f in printed if f not in found) or "-"
        kept = f"{words_kept(seed_text(date), text):.1%}"
        rows.append(
            f"{'seed ' + date:<22} {len(found):>6} of {len(printed):<3}  {check_count(text):>5}  {kept:>14}  {missing}"
        )
    return rows


if __name__ == "__main__":
    print("\n".join(table()))
