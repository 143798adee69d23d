"""Draft: a parsed `Draft` as the text of a meeting file, and as a report for the editor.

The file must load as it stands, so every doubt about a front-matter value is a
YAML comment (`# CHECK: reason`) and every doubt about the minutes text is a
visible `[CHECK: reason]` at the end of its paragraph. A value that was not
found is left empty, never guessed, so `check` names it too.

No text of the minutes is ever only in a comment: an editor deletes comments as
they settle them. What no field holds whole goes into the body, before the first
item if it was printed there, marked CHECK when it was not understood.
"""

from __future__ import annotations

import json
import re

from minutebook.content.load import counted, type_slug
from minutebook.importer import repair
from minutebook.importer.decisions import DecisionFound, decisions_of
from minutebook.importer.found import Draft, Fact, Item, Member, NextFound
from minutebook.importer.repair import BULLET, CHECK, HEADING, NUMBERED, Block, marker, plain_markdown

PLAIN = re.compile(r"[^\W\d_][\w ,.()/&'’–-]*")  # letters first; nothing YAML reads specially
YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}

# What each repair says in the meeting's editorial notes, which are published.
REPAIR_NOTES = {
    repair.TAGS: (
        "Stray HTML tags printed in the source are removed; the paragraphs, "
        "lists and underlined headings they marked are kept."
    ),
    repair.ENTITIES: (
        "HTML character codes printed in the source (such as &amp;) are shown as the characters they stand for."
    ),
    repair.HEADERS: (
        'The source\'s table column headers (such as "Name: Capacity:", "No. Item" and "ACTION") are left out.'
    ),
    repair.SENTENCES: "Sentences split by page or column breaks are rejoined.",
    repair.FRAGMENTS: "Words cut apart by the left-hand column are rejoined where only one reading was possible.",
    repair.ORDINALS: 'Ordinals printed apart, such as "12 th", are joined.',
}


def file_name(draft: Draft) -> str:
    """Named as the loader expects: the date, then the type without the word "meeting"."""
    return f"{draft.date.value}-{type_slug(draft.meeting_type.value)}.md"


def render(draft: Draft, source: str) -> str:
    return "\n".join(front_matter(draft, source) + ["---", *body(draft)]) + "\n"


def check_count(text: str) -> int:
    """The places marked for the editor: `# CHECK:` comments and `[CHECK: …]` markers."""
    return len(re.findall(rf"(?:# |\[){CHECK}: ", text))


# ---------------------------------------------------------------- front matter


def scalar(text: str, quote: bool = False) -> str:
    """A YAML value that reads back as exactly `text`."""
    if not quote and PLAIN.fullmatch(text) and not text.endswith(" ") and text.casefold() not in YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted string


def comment(checks: tuple[str, ...] = (), note: str = "") -> str:
    if checks:
        return f"  # {CHECK}: {'; '.join(checks)}"
    return f"  # {note}" if note else ""


def fact_line(key: str, fact: Fact, quote: bool = False, what: str = "") -> str:
    checks = fact.checks or (() if fact.value else (f"{what or key} not found",))
    return f"{key}: {scalar(fact.value, quote)}{comment(checks, fact.note)}"


def front_matter(draft: Draft, source: str) -> list[str]:
    lines = [
        "---",
        f"# Imported with 'python build.py import' from {source}. This is a draft for an editor to finish.",
        f"# Search for {CHECK}: each marks a place the importer was not sure of. Settle it against the",
        "# source, delete the marker, then run 'python build.py check'.",
        fact_line("title", draft.title),
        f"date: {draft.date.value or json.dumps('')}"
        f"{comment(draft.date.checks or (() if draft.date.value else ('date not found',)), draft.date.note)}",
        optional_line("time", draft.time, quote=True),
        fact_line("type", draft.meeting_type, what="meeting type"),
        optional_line("venue", draft.venue),
        optional_line("chair", draft.chair),
        *minute_taker(draft.minute_taker),
        *members("attendees", draft.attendees, "no attendance table found"),
        *apologies(draft),
        *agenda(draft.agenda),
        *actions(draft),
        *decisions(draft),
        *next_meeting(draft.next_meeting),
        "source:",
        f"  title: {scalar(draft.source_title.value)}{comment(draft.source_title.checks)}",
        *editorial_notes(draft),
    ]
    return lines


def optional_line(key: str, fact: Fact, quote: bool = False) -> str:
    """A field the format lets minutes go without: left out when not found, with a note saying so,
    which is itself a marker, so the editor adds it or deletes the note."""
    if fact.value:
        return f"{key}: {scalar(fact.value, quote)}{comment(fact.checks, fact.note)}"
    return f"# {CHECK}: {'; '.join(fact.checks) or f'no {key} found'}; add {key}: if the minutes give one"


def minute_taker(taker: Member | None) -> list[str]:
    if taker is None:
        return [f"# {CHECK}: no minute-taker found; add minute_taker: (person, role) if the minutes name one"]
    return [
        f"minute_taker:{comment(taker.checks)}",
        f"  person: {scalar(taker.person)}",
        f"  role: {scalar(taker.role)}",
    ]


def members(key: str, people: tuple[Member, ...], missing: str) -> list[str]:
    if not people:
        return [f"{key}: []  # {CHECK}: {missing}"]
    lines = [f"{key}:"]
    for person in people:
        lines.append(f"  - person: {scalar(person.person)}{comment(person.checks)}")
        lines.append(f"    role: {scalar(person.role)}")
        if person.abbreviation:
            lines.append(f"    abbreviation: {scalar(person.abbreviation)}")
    return lines


def apologies(draft: Draft) -> list[str]:
    if draft.apologies:
        return members("apologies", draft.apologies, "")
    if draft.apologies_line.checks:  # an item on apologies no names could be read from (plain.apologies_unread)
        return [f"apologies: []  # {CHECK}: {draft.apologies_line.checks[0]}; list who sent them"]
    if draft.apologies_line.printed:
        return [
            f"apologies: []  # {CHECK}: the Apologies line could not be read as names and roles;"
            " it is kept at the top of the minutes text"
        ]
    return ["apologies: []"]


def agenda(items: tuple[Item, ...]) -> list[str]:
    if not items:
        return [f"agenda: []  # {CHECK}: no numbered agenda items found"]
    lines = ["agenda:"]
    for item in items:
        if item.number:
            lines.append(f"  - number: {json.dumps(item.number)}{comment(item.checks)}")
            lines.append(f"    title: {scalar(item.title)}{comment(item.title_checks, item.note)}")
        else:  # a section printed without a number, such as CALL TO ORDER
            lines.append(f"  - title: {scalar(item.title)}{comment(item.checks + item.title_checks, item.note)}")
    return lines


def actions(draft: Draft) -> list[str]:
    if not draft.actions:
        return []
    lines = ["actions:"]
    numbers = {item.number for item in draft.agenda if item.number}
    for number, action in enumerate(draft.actions, start=1):
        lines.append(f"  - id: {draft.date.value or 'undated'}-{number}{comment(action.checks)}")
        unplaced = () if action.item else ("the item it was minuted under has neither number nor title; name it",)
        by_title = "" if action.item in numbers else "the item's title: if you respell it in agenda, respell it here"
        lines.append(f"    item: {json.dumps(action.item)}{comment(unplaced, by_title if action.item else '')}")
        if action.owner:
            lines.append(f"    owner: {action.owner}{comment((), action.note)}")
        lines.append(f"    text: {scalar(action.text)}")
        lines.append("    status: open")
    return lines


def decisions(draft: Draft) -> list[str]:
    """Each motion recognised, read from its words; the words stay in the item's text too."""
    found = decisions_of(draft)
    if not found:
        return []
    lines = ["decisions:"]
    numbers = {item.number for item in draft.agenda if item.number}
    for decision in found:
        lines += decision_lines(decision, decision.item in numbers)
    return lines


def decision_lines(decision: DecisionFound, numbered: bool) -> list[str]:
    by_title = "" if numbered else "the item's title: if you respell it in agenda, respell it here"
    lines = [
        f"  - item: {json.dumps(decision.item)}{comment(decision.checks, by_title)}",
        f"    kind: {decision.kind}",
    ]
    if decision.number:
        lines.append(f"    number: {scalar(decision.number, quote=True)}")
    lines.append(f"    text: {scalar(decision.text)}")
    for key, slug in (("moved", decision.moved), ("seconded", decision.seconded)):
        if slug:
            lines.append(f"    {key}: {slug}")
    lines.append(f"    result: {decision.result or json.dumps('')}")
    if decision.counts:
        counts = decision.counts
        lines += ["    counts:", f"      for: {counts.for_}", f"      against: {counts.against}"]
        if counts.abstain is not None:
            lines.append(f"      abstain: {counts.abstain}")
    if decision.votes:
        lines.append("    votes:")
        for slug, vote in decision.votes:
            lines += [f"      - person: {slug}", f"        vote: {vote}"]
    lines += named_lines(decision.named)
    return lines


def named_lines(named: tuple[tuple[str, str], ...]) -> list[str]:
    """Those the minutes name as voting against or abstaining, as a comment: votes: lists every member's
    vote and its counts are read from it, so a list of only these would miscount the vote."""
    if not named:
        return []
    said = "; ".join(
        f"{'voting against' if vote == 'against' else 'abstaining'}: {', '.join(p for p, v in named if v == vote)}"
        for vote in dict.fromkeys(v for _, v in named)
    )
    return [f"    # Minuted as {said}. Add votes: only with every member's vote."]


def next_meeting(found: NextFound | None) -> list[str]:
    if found is None:
        return [f"# {CHECK}: no next meeting with a date was found; add next_meeting if the minutes name one"]
    doubts: dict[str, list[str]] = {}
    for key, reason in found.checks:
        doubts.setdefault(key, []).append(reason)
    lines = ["next_meeting:", f"  date: {found.date}{comment(tuple(doubts.get('date', ())))}"]
    for key, value in (("time", found.time), ("type", found.type), ("venue", found.venue)):
        if value:
            lines.append(f"  {key}: {scalar(value, quote=key == 'time')}{comment(tuple(doubts.get(key, ())))}")
    lines.append(f"  as_minuted: {scalar(found.as_minuted, quote=True)}")
    return lines


def editorial_notes(draft: Draft) -> list[str]:
    notes = [REPAIR_NOTES[name] for name in REPAIR_NOTES if draft.repairs.get(name)]
    if any(item.respelled for item in draft.agenda):
        notes.append("Item titles printed in capitals are spelled as in earlier meetings.")
    if any(item.dotted for item in draft.agenda):
        notes.append("Item numbers are shown without the full stops printed after them.")
    if any(item.worded for item in draft.agenda):
        notes.append(
            "Item numbers are shown as the number alone, without the words or marks printed with it"
            ' (such as "Item 1:" or "1)").'
        )
    if draft.date.note.startswith("the Date line gives no year"):
        notes.append(
            f"The date line gives no year ({json.dumps(draft.date.printed, ensure_ascii=False)}); "
            "the title dates the meeting."
        )
    if not notes:
        return []
    return ["editorial_notes:  # the importer's repairs, shown on the meeting page; add your own"] + [
        f"  - {scalar(note)}" for note in notes
    ]


# ---------------------------------------------------------------- body


def body(draft: Draft) -> list[str]:
    lines: list[str] = []
    for block in draft.preamble:
        lines += ["", block_text(block)]
    for item in draft.agenda:
        lines += ["", f"## {' '.join(filter(None, (item.number, item.title)))}"]
        for block in item.blocks:
            lines += ["", block_text(block)]
    return lines


def block_text(block: Block) -> str:
    markers = "".join(f" {marker(reason)}" for reason in block.checks)
    if block.kind == HEADING:
        return f"### {block.text}{markers}"
    if block.kind == BULLET:
        return f"- {block.text}{markers}"
    if block.kind == NUMBERED:  # "1." and "2)" make a Markdown list; "a." stays as printed text
        return f"{block.marker} {block.text}{markers}"
    return f"{plain_markdown(block.text)}{markers}"


# ---------------------------------------------------------------- the report


def report(draft: Draft) -> list[str]:
    """One line per field: found, CHECK (found, but look again) or NOT FOUND, and what."""
    rows = [
        ("title", draft.title, draft.title.value),
        (
            "date",
            draft.date,
            f'{draft.date.value} (printed "{draft.date.printed}")' if draft.date.value else draft.date.printed,
        ),
        ("time", draft.time, draft.time.value),
        ("venue", draft.venue, draft.venue.value),
        ("chair", draft.chair, f"{draft.chair.value} ({draft.chair.printed})" if draft.chair.value else ""),
    ]
    lines = [field_line(name, status(fact.value, fact.checks), shown, fact.checks) for name, fact, shown in rows]
    taker = draft.minute_taker
    lines.append(
        field_line(
            "minute-taker",
            status(taker and taker.person, taker.checks if taker else ()),
            f"{taker.person}, {taker.role}" if taker else "no Minutes line",
            taker.checks if taker else (),
        )
    )
    unplaced = sum(1 for b in draft.preamble if b.checks)
    if draft.preamble:
        lines.append(
            field_line(
                "preamble",
                CHECK if unplaced else "found",
                f"{counted(len(draft.preamble), 'paragraph')} printed before the first item, kept as text;"
                f" {unplaced} not understood, marked {CHECK}",
            )
        )
    lines.append(people_line("attendees", draft.attendees, "no attendance table"))
    printed = draft.apologies_line.printed
    if draft.apologies or printed:
        lines.append(people_line("apologies", draft.apologies, f'could not read "{printed}"'))
    else:
        lines.append(field_line("apologies", "found", "none printed"))
    lines.append(agenda_line(draft.agenda))
    lines.append(actions_line(draft))
    lines.append(motions_line(draft))
    lines.append(next_line(draft.next_meeting))
    lines.append(text_line(draft))
    lines.append(f"  {'CHECK markers':<13} {check_count(render(draft, '')):>9}  places in the draft to settle")
    return lines


def motions_line(draft: Draft) -> str:
    """Each motion is drafted as a decision under its item; its words stay in the item's text too."""
    found = decisions_of(draft)
    if not found:
        return field_line("decisions", "found", "none (no RESOLVED, moved/seconded or carried)")
    where = dict.fromkeys(d.item for d in found)
    shown = ", ".join(f"{sum(d.item == item for d in found)} under {item}" for item in where)
    doubts = sum(1 for d in found if d.checks)
    return field_line(
        "decisions",
        CHECK if doubts else "found",
        f"{len(found)} drafted from the motions, their words kept in the items' text too: {shown}"
        + (f"; {counted(doubts, 'decision')} marked {CHECK}" if doubts else ""),
    )


def status(value, checks) -> str:
    return "NOT FOUND" if not value else (CHECK if checks else "found")


def field_line(name: str, state: str, shown: str, checks: tuple[str, ...] = ()) -> str:
    doubts = "; ".join(checks) if state != "found" else ""
    return f"  {name:<13} {state:<9}  {' — '.join(filter(None, (shown, doubts)))}"


def people_line(name: str, people: tuple[Member, ...], missing: str) -> str:
    if not people:
        return field_line(name, "NOT FOUND", missing)
    shown = ", ".join(
        f"{p.abbreviation or '-'} {p.person}{'' if p.known else ' (new)'}{' [CHECK]' if p.checks else ''}"
        for p in people
    )
    return field_line(name, CHECK if any(p.checks for p in people) else "found", f"{len(people)}: {shown}")


def agenda_line(items: tuple[Item, ...]) -> str:
    if not items:
        return field_line("agenda", "NOT FOUND", "no numbered agenda items")
    shown = ", ".join(f"{i.number or i.title}{' [CHECK]' if i.checks or i.title_checks else ''}" for i in items)
    return field_line(
        "agenda", CHECK if any(i.checks or i.title_checks for i in items) else "found", f"{len(items)} items: {shown}"
    )


def actions_line(draft: Draft) -> str:
    if not draft.actions:
        return field_line("actions", "found", 'none (no "Action:" or "Actions arising" with an action after it)')
    shown = "; ".join(
        f"under {a.item}, owner {a.owner or 'none'}{' [CHECK]' if a.checks else ''}" for a in draft.actions
    )
    return field_line(
        "actions", CHECK if any(a.checks for a in draft.actions) else "found", f"{len(draft.actions)}: {shown}"
    )


def next_line(found: NextFound | None) -> str:
    if found is None:
        return field_line("next meeting", "NOT FOUND", "no dated next meeting")
    shown = ", ".join(filter(None, (found.date, found.time, found.type, found.venue)))
    return field_line(
        "next meeting", CHECK if found.checks else "found", shown, tuple(f"{k}: {r}" for k, r in found.checks)
    )


def text_line(draft: Draft) -> str:
    repaired = ", ".join(f"{n} {name}" for name, n in sorted(draft.repairs.items(), key=lambda kv: -kv[1]))
    doubts = sum(len(b.checks) for item in draft.agenda for b in item.blocks) + sum(
        len(b.checks) for b in draft.preamble
    )
    state = CHECK if doubts else "found"
    return field_line(
        "text",
        state,
        f"{sum(len(i.blocks) for i in draft.agenda)} paragraphs; repaired: {repaired or 'nothing'}; "
        f"{counted(doubts, 'place')} marked {CHECK}",
    )


def new_people(draft: Draft) -> list[tuple[str, str]]:
    """(slug, name) of everyone the draft names who is not in people.yml, once each."""
    found = {p.person: p.name for p in draft.people if not p.known}
    if draft.chair.checks and draft.chair.value and draft.chair.value not in found:
        found[draft.chair.value] = draft.chair.printed
    return list(found.items())


def verdict(marked: int, problems: int) -> str:
    """The last word to the editor: a draft is never ready as imported."""
    if not marked and not problems:
        return "The draft passes check; read it against the source before it is published."
    needs = [
        f"{counted(marked, 'CHECK marker')} to settle" if marked else "",
        f"{counted(problems, 'problem')} that check found" if problems else "",
    ]
    said = f"The draft needs work before it is published: {' and '.join(filter(None, needs))}. Search it for CHECK."
    if marked:
        said += (
            " It cannot be published until every marker is settled and deleted: 'python build.py' and"
            " 'python build.py check' refuse it while one is left. Meanwhile 'python build.py serve' previews it."
        )
    return said
