"""People as minutes list them in running text: "Present:", "Roll call", "Apologies were received from".

`header` reads the attendance tables of the first minutes the importer was built for;
most minutes instead list their people in a sentence or one to a line, each name with
a title ("Cllr", "Council Member", "Mayor"), a role in brackets or after a comma, or
neither. Names are matched to people.yml; a name it lacks gets a slug made from it
and a doubt, as the header's do.
"""

from __future__ import annotations

import re

from minutebook.importer.found import Member, Reference
from minutebook.importer.header import name_doubts, normal, person

# Where a list of people starts, and whose they are.
PRESENT = re.compile(
    r"^(?:the\s+following\s+(?P<following>(?:\w+\s+){0,2})(?:were|was)\s+present"
    r"|present\s+were|roll\s+call|attendance|attendees|(?P<label>members|officers|councillors|trustees|governors)(?=\s*:)"
    r"|(?P<group>[A-Za-z][A-Za-z ]{0,40}?\s+)?(?:present|in\s+attendance))"
    r"\b\s*[:–—-]?\s*(?P<names>.*)$",
    re.I | re.S,
)
ALSO = re.compile(r"^(?:also\s+present|(?:also\s+)?in\s+attendance)\b", re.I)
APOLOGIES = re.compile(
    r"^apologies(?:\s+for\s+absence)?(?:\s+(?:were|was|had\s+been)\s+(?:received|given|submitted|accepted|noted))?"
    r"(?:\s+from)?\s*[:–—-]?\s*(?P<names>.*)$",
    re.I | re.S,
)
# Apologies given in a sentence of their own: "Cllr Wren and Cllr Lang sent apologies.", "Mr Reed had
# tendered his apologies". Read only where everything before the verb is people (plain.people_line).
SENT_APOLOGIES = re.compile(
    r"^(?P<names>.+?)\s+(?:(?:had|has|have)\s+)?(?:sent|given|gave|offered|tendered|submitted)\s+"
    r"(?:(?:their|his|her)\s+)?apologies\b(?:\s+for\s+absence)?\s*\.?$",
    re.I | re.S,
)
# Apologies someone received or noted: "The Clerk had received apologies from Cllr Wren.", "Members noted
# apologies from Cllr Wren and Cllr Lang." Read as SENT_APOLOGIES is.
RECEIVED_APOLOGIES = re.compile(
    r"^(?:[\w’' ]{0,40}?\s)?(?:received|noted|accepted)\s+apologies\s+(?:for\s+absence\s+)?from\s*:?\s*"
    r"(?P<names>.+?)\s*\.?$",
    re.I | re.S,
)
ABSENT = re.compile(r"^(?:[A-Za-z ]{0,40}\s)?absent\b\s*[:–—-]?", re.I)
# The list ends with its sentence: "… and Nadia Khan. Absent: …", "… Peter Hume were present. Sara Ivers was
# absent." A full stop after "Dr" or "Mr" ends no sentence.
LIST_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)(?<!\b[A-Z])\.\s+(?=[A-Z])")
# A list's label printed on, without a full stop, after the last name of the list before it: "… Iain Ross
# Staff in attendance: Ruth Cole", as a PDF's wrapping runs two short lines together.
LABEL_INSIDE = re.compile(
    r"\s+(?=(?:[A-Z][a-z]+\s+(?:present|in\s+attendance)|Present|In\s+attendance|Apologies)\b\s*:)"
)
WERE_PRESENT = re.compile(r"\s+(?:were|was|are|is)\s+(?:also\s+)?(?:present|in\s+attendance)\b.*$", re.I)
# "County Administrator Joan Price was also present.": one person, a sentence of their own
ALSO_WAS = re.compile(r"^(?P<names>[A-Z].*?)\s+(?:was|were)\s+also\s+(?:present|in\s+attendance)\b", re.S)

# Titles printed before a name. Honorifics say nothing of the role; the rest are the role.
HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "rev", "revd")
TITLES = {
    "cllr": "Councillor",
    "cllrs": "Councillor",
    "councillor": "Councillor",
    "councillors": "Councillor",
    "councilor": "Councilor",
    "councilors": "Councilor",
    "council member": "Council Member",
    "council members": "Council Member",
    "councilmember": "Councilmember",
    "councilmembers": "Councilmember",
    "member": "Member",
    "members": "Member",
    "trustee": "Trustee",
    "trustees": "Trustee",
    "governor": "Governor",
    "governors": "Governor",
    "directors": "Director",
}
PLURAL = (
    "cllrs",
    "councillors",
    "councilors",
    "council members",
    "councilmembers",
    "members",
    "trustees",
    "governors",
    "directors",
)
IN_THE_CHAIR = re.compile(r"(?:^|,\s*|\s+)(?:in\s+the\s+chair|presiding)$", re.I)
NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’-]*|[A-Z]\.?|Mc[A-Z][a-z]+|O’[A-Z][a-z]+)$")
BRACKETS = re.compile(r"^(?P<before>.*?)\s*\((?P<inside>[^()]*)\)\s*$")
ABBREVIATION = re.compile(r"^[A-Z][A-Za-z/]{0,7}$")


def list_entries(text: str) -> list[str]:
    """A printed list of people, one entry per person: split at semicolons if it has them (each
    entry then "Name, Role"), otherwise at commas and "and", never inside brackets."""
    text = text.strip().rstrip(".").strip()
    depth, parts, current = 0, [], ""
    separators = ";" if ";" in text else ","
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char in separators and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    if separators == ",":
        parts = [p for part in parts for p in re.split(r"\s+(?:and|&)\s+(?![^(]*\))", part)]
    return [" ".join(p.split()).strip(" .") for p in parts if p.strip(" .")]


def read_entry(entry: str, carried: str, reference: Reference) -> tuple[Member | None, str]:
    """One entry of a list of people, and the title it hands on to the names after it
    ("Council Members Adams, Baker" names two council members). None if it names nobody."""
    role, abbreviation = "", ""
    brackets = BRACKETS.match(entry)
    in_chair = False
    if brackets:
        entry, inside = brackets.group("before").strip(), brackets.group("inside").strip()
        in_chair = bool(IN_THE_CHAIR.search(inside))  # "(in the chair)", "(Mayor, in the Chair)"
        inside = IN_THE_CHAIR.sub("", inside).strip()
        if ABBREVIATION.match(inside) and sum(c.isupper() for c in inside) >= 2:  # "CC", "CEx", not "Clerk"
            abbreviation = inside
        elif inside[:1].isupper():  # "(work commitments)" is a reason, not a role
            role = inside
    if not role:  # "Karen Liu, President" or "Jane Doe – Clerk"
        split = re.split(r",|\s[–—-]\s", entry, maxsplit=1)
        if len(split) == 2:
            entry, role = split[0].strip(), split[1].strip()
    known = known_name(entry, reference)
    if known:
        title_words, name = entry[: known[0]].split(), entry[known[0] : known[1]]
    else:
        # "Superintendent Dr. Joyce Kim"
        words = [w for w in entry.split() if w.casefold().rstrip(".") not in HONORIFICS]
        if not words or not all(NAME_WORD.match(w) for w in words):
            return None, carried
        honorific = len(words) < len(entry.split())  # "Mr. Adams": a surname alone names a person
        title_words, name_words = title_and_name(words, bool(carried) or honorific)
        if not name_words:
            return None, carried
        name = " ".join(name_words)
    title = " ".join(w for w in title_words if w.casefold().rstrip(".") not in HONORIFICS)
    if title.casefold() in PLURAL:
        carried = TITLES[title.casefold()]
    elif title:
        carried = ""
    title_role = TITLES.get(title.casefold(), title) if title else carried
    role = role or title_role
    chair = in_chair or (bool(role) and is_chair(role))
    slug, in_people = person(name, reference)
    checks = name_doubts(name, slug, in_people, reference)
    if not role:
        checks += (f"no role printed for {name}",)
    return Member(slug, name, role, abbreviation, in_people, checks, chair), carried


def is_chair(role: str) -> bool:
    """ "Chair", "Chairman", "Chair of Governors"; not "Vice-Chairman"."""
    return bool(re.match(r"^(?:the\s+)?chair(?:man|person|woman)?(?:\s+of\b.*)?$", role, re.I))


def title_and_name(words: list[str], carried: bool) -> tuple[list[str], list[str]]:
    """`Mayor Linda Park`: the title, then the name (its last two words, or one after a title)."""
    for length in (3, 2):
        joined = " ".join(words[:length]).casefold()
        if joined in TITLES and len(words) > length:
            return words[:length], words[length:]
    if words[0].casefold() in TITLES and len(words) > 1:
        return words[:1], words[1:]
    if len(words) == 1:
        return ([], words) if carried else ([], [])
    return words[:-2], words[-2:]


def known_name(entry: str, reference: Reference) -> tuple[int, int] | None:
    """Where a people.yml name is printed in the entry, the longest one."""
    best = None
    for _, name in reference.people:
        found = re.search(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", entry, re.I)
        if found and (best is None or found.end() - found.start() > best[1] - best[0]):
            best = (found.start(), found.end())
    return best


def people_list(text: str, reference: Reference, group: str = "") -> tuple[list[Member], list[str]]:
    """The people a printed list names, and the entries that name nobody. `group` is who the list
    says they are ("Councilmembers present:", "the following governors were present"): their role
    unless an entry prints its own."""
    members, skipped = [], []
    carried = TITLES.get(" ".join(group.split()).casefold(), "") if group.casefold().strip() in PLURAL else ""
    for entry in list_entries(text):
        member, carried = read_entry(entry, carried, reference)
        if member:
            members.append(member)
        else:
            skipped.append(entry)
    return members, skipped


def by_surname(name: str, members: tuple[Member, ...]) -> Member | None:
    """The one member a name (or a title and surname, "Mayor Park") stands for."""
    words = [w for w in name.split() if w.casefold().rstrip(".") not in HONORIFICS]
    if not words:
        return None
    whole = [m for m in members if normal(m.name) == normal(" ".join(words))]
    if whole:
        return whole[0]
    for start in range(len(words)):
        tail = normal(" ".join(words[start:]))
        found = [m for m in members if normal(m.name).endswith(" " + tail) or normal(m.name) == tail]
        if len(found) == 1:
            return found[0]
    return None


def by_role(text: str, members: tuple[Member, ...]) -> Member | None:
    """The one member whose role is `text` ("City Manager", "the Clerk"), or starts with it."""
    text = normal(re.sub(r"^the\s+", "", text.strip(), flags=re.I))
    if not text:
        return None
    for matches in (
        [m for m in members if normal(m.role) == text],
        [m for m in members if normal(m.role).startswith(text + ",") or normal(m.role).startswith(text + " (")],
    ):
        if len(matches) == 1:
            return matches[0]
    return None
