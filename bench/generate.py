"""Synthetic meeting minutes at scale, in exactly the content/ format.

    python -m bench.generate --meetings 500 --seed 1 --out bench/out/c500

writes site.yml, themes.yml, people.yml, glossary.yml and one file per meeting
under meetings/, valid under `python build.py check --content DIR`. Each
meeting has about 1,450 words of minutes in 5 to 10 numbered agenda items, with
sub-headings, bulleted and numbered lists, actions with owners and statuses,
updates to earlier actions, themes and a next-meeting line.

The text is nonsense with the statistics of real minutes: a vocabulary of
about 15,000 words (policing and governance words plus pronounceable
pseudo-words) drawn with Zipf frequencies, so the search index grows with the
archive the way a real one does. Everything comes from one seeded random
generator, so the same seed writes byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import lexicon

REAL_ARCHIVE_MEETINGS = 5  # content/meetings/ today; the benchmark sizes are multiples of it
WORDS_PER_MEETING = 1450  # the real meetings' bodies average about this
VOCABULARY_SIZE = 15_000
ZIPF_EXPONENT = 1.0  # word frequency ~ 1 / rank, as in English text
ERA_MEETINGS = 60  # meetings between changes of who holds which role
PEOPLE = 40
FIRST_DAY = dt.date(1995, 1, 3)


# ---------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class Vocabulary:
    """Words in rank order, with cumulative Zipf weights for fast weighted draws."""

    words: tuple[str, ...]
    cumulative: tuple[float, ...]

    def draw(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def rank_of(self, word: str) -> int:
        return self.words.index(word)


def pseudo_word(rng: random.Random) -> str:
    """Two or three open syllables, a closing consonant only at the end: 'tesomarn', 'plodi'."""
    syllables = rng.choice((2, 2, 2, 3))
    stem = "".join(rng.choice(lexicon.ONSETS) + rng.choice(lexicon.NUCLEI) for _ in range(syllables))
    return stem + rng.choice(lexicon.CODAS)


def build_vocabulary(rng: random.Random, size: int = VOCABULARY_SIZE, exponent: float = ZIPF_EXPONENT) -> Vocabulary:
    """Real domain words take the top ranks; pseudo-words fill the long tail."""
    words = list(dict.fromkeys(w.lower() for w in lexicon.DOMAIN_WORDS))
    taken = set(words) | set(lexicon.FUNCTION_WORDS)
    while len(words) < size:
        word = pseudo_word(rng)
        if len(word) > 3 and word not in taken:
            taken.add(word)
            words.append(word)
    cumulative = tuple(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, size + 1)))
    return Vocabulary(tuple(words), cumulative)


def query_words(vocabulary: Vocabulary, count: int = 20) -> list[str]:
    """Search words spread over the frequency ranks, every one certain to occur in a 50-meeting archive.

    Real words down to rank ~300 occur hundreds of times; the pseudo-words chosen
    sit near rank 450-900, where a 50-meeting archive still holds each a few times."""
    real = [vocabulary.words[r] for r in (1, 4, 9, 17, 28, 41, 60, 85, 120, 160, 210, 260)]
    pseudo = [vocabulary.words[r] for r in range(450, 900, 450 // max(1, count - len(real)))]
    return (real + pseudo)[:count]


# ---------------------------------------------------------------- people and reference files


@dataclass(frozen=True)
class Person:
    slug: str
    name: str


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_people(rng: random.Random, count: int = PEOPLE) -> list[Person]:
    firsts, lasts = lexicon.FIRST_NAMES[:], lexicon.LAST_NAMES[:]
    rng.shuffle(firsts)
    rng.shuffle(lasts)
    names = [f"{firsts[i % len(firsts)]} {lasts[i % len(lasts)]}" for i in range(count)]
    return [Person(slugify(name), name) for name in names]


def role_holders(people: list[Person], meeting_index: int) -> list[Person]:
    """Who holds each role (lexicon.ROLES order) at a meeting.

    Each era everyone moves one role up the list, so people's roles change the
    way they do in a real force: promotions, arrivals and departures."""
    era = meeting_index // ERA_MEETINGS
    return [people[(role + era) % len(people)] for role in range(len(lexicon.ROLES))]


def minute_taker(people: list[Person], meeting_index: int) -> Person:
    # Never a role holder in the same era: the minute taker is the person just past the roles.
    era = meeting_index // ERA_MEETINGS
    return people[(len(lexicon.ROLES) + era) % len(people)]


def yaml_text(value: str) -> str:
    """A YAML scalar that reads back as exactly `value`: plain when safe, else double-quoted."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.'()/–-]*[A-Za-z0-9.)]", value) and ": " not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def site_yml(meetings: int) -> str:
    return (
        "organisation: Office of the Police and Crime Commissioner for Benchshire\n"
        "short_name: Benchshire PCC\n"
        f"title: Benchshire PCC minutes ({meetings} synthetic meetings)\n"
        "description: Synthetic minutes generated for Minutebook's benchmarks; the text is meaningless.\n"
        "contact_url: https://www.example.org/contact/\n"
    )


def themes_yml() -> str:
    return "".join(
        f"- slug: {slug}\n  name: {yaml_text(name)}\n  description: {yaml_text(text)}\n"
        for slug, name, text in lexicon.THEMES
    )


def people_yml(people: list[Person]) -> str:
    return "".join(f"- slug: {p.slug}\n  name: {yaml_text(p.name)}\n" for p in people)


def glossary_yml() -> str:
    entries = dict((abbr, role) for role, abbr in lexicon.ROLES)
    entries.update(lexicon.GLOSSARY)
    return "".join(
        f"- abbreviation: {yaml_text(abbr)}\n  expansion: {yaml_text(text)}\n" for abbr, text in entries.items()
    )


# ---------------------------------------------------------------- prose


class Prose:
    """Sentences, paragraphs and lists in the register of minutes, counting the words written."""

    def __init__(self, rng: random.Random, vocabulary: Vocabulary):
        self.rng, self.vocabulary, self.words = rng, vocabulary, 0

    def _count(self, text: str) -> str:
        self.words += len(text.split())
        return text

    def phrase(self, length: int) -> str:
        """Content words in determiner-and-preposition frames: 'the x y of its z'."""
        rng, content = self.rng, self.vocabulary.draw(self.rng, length)
        out = []
        for i, word in enumerate(content):
            if i and rng.random() < 0.35:
                out.append(
                    rng.choice(lexicon.PREPOSITIONS) if rng.random() < 0.5 else rng.choice(lexicon.FUNCTION_WORDS)
                )
            if rng.random() < 0.25:
                out.append(rng.choice(lexicon.DETERMINERS))
            out.append(word)
        if rng.random() < 0.12:
            out.insert(rng.randrange(1, len(out) + 1), self.figure())
        return " ".join(out)

    def figure(self) -> str:
        rng = self.rng
        return rng.choice(
            (
                f"{rng.randint(2, 95)}%",
                str(rng.randint(3, 2400)),
                f"£{rng.randint(1, 40)}m",
                f"{rng.randint(2, 60)} officers",
            )
        )

    def sentence(self, speakers: list[str], glossary: list[str]) -> str:
        rng = self.rng
        body = f"{self.phrase(rng.randint(3, 7))} {rng.choice(lexicon.LINK_VERBS)} {self.phrase(rng.randint(2, 6))}"
        if rng.random() < 0.15:
            body += f" through the {rng.choice(glossary)}"
        opener = rng.random()
        if opener < 0.45 and speakers:
            text = f"The {rng.choice(speakers)} {rng.choice(lexicon.REPORTING_VERBS)} that {body}"
        elif opener < 0.6:
            text = f"It was noted that {body}"
        else:
            text = body[0].upper() + body[1:]
        return self._count(text + ".")

    def paragraph(self, speakers, glossary, sentences: int | None = None) -> str:
        count = sentences or self.rng.randint(2, 5)
        return " ".join(self.sentence(speakers, glossary) for _ in range(count))

    def bullets(self, speakers, glossary, numbered: bool) -> str:
        lines = []
        for n in range(1, self.rng.randint(3, 6) + 1):
            marker = f"{n}." if numbered else "-"
            lines.append(f"{marker} {self.paragraph(speakers, glossary, self.rng.randint(1, 2))}")
        return "\n".join(lines)


# ---------------------------------------------------------------- meetings


@dataclass
class ActionBook:
    """Actions raised so far and not yet finished, for later meetings to update."""

    pending: list[str] = field(default_factory=list)  # action ids


def meeting_dates(rng: random.Random, count: int) -> list[dt.date]:
    """Weekdays, one to three apart, so every date (and so every file name) is unique."""
    days, day = [], FIRST_DAY
    for _ in range(count):
        days.append(day)
        day += dt.timedelta(days=rng.choice((1, 1, 2, 2, 3)))
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
    return days


def item_numbers(rng: random.Random, count: int) -> list[str]:
    """Numbers as printed: '1, 2, 3', '1.1, 2.1, 2.2' or '1, 2, 3a, 3b' styles."""
    style = rng.choice(("plain", "dotted", "lettered"))
    if style == "plain":
        return [str(n) for n in range(1, count + 1)]
    if style == "dotted":
        numbers, major, minor = [], 1, 1
        for _ in range(count):
            numbers.append(f"{major}.{minor}")
            major, minor = (major, minor + 1) if rng.random() < 0.4 else (major + 1, 1)
        return numbers
    split_at = rng.randint(2, max(2, count - 2))  # one item broken into lettered parts
    parts = rng.randint(2, min(3, count - split_at + 1))
    numbers = [str(n) for n in range(1, split_at)]
    numbers += [f"{split_at}{'abc'[p]}" for p in range(parts)]
    numbers += [str(n) for n in range(split_at + 1, split_at + 1 + count - len(numbers))]
    return numbers


def item_titles(rng: random.Random, count: int) -> list[tuple[str, list[str]]]:
    """(title, theme slugs) per item: standing items first and last, themed items between."""
    items = [(lexicon.STANDING_ITEMS[0], [])]
    for _ in range(count - 2):
        themes = rng.sample(lexicon.THEMES, rng.choice((0, 1, 1, 2, 2, 3)))
        if themes:
            title = f"{themes[0][1]} – {rng.choice(lexicon.ITEM_SUFFIXES)}"
        else:
            title = rng.choice(lexicon.STANDING_ITEMS[1:3])
        items.append((title, [slug for slug, _, _ in themes]))
    items.append(("Date of next meeting", []))
    return items


def long_date(day: dt.date) -> str:
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B %Y')}"


def meeting_file(
    rng: random.Random, vocabulary: Vocabulary, people: list[Person], index: int, day: dt.date, book: ActionBook
) -> tuple[str, str]:
    """One meeting: its file name and text. Updates `book` with the actions it raises and finishes."""
    meeting_type, venues = rng.choice(lexicon.MEETING_TYPES)
    venue = rng.choice(venues)
    time = rng.choice(("09:30", "10:00", "10:00", "14:00", "14:30"))
    meeting_id = f"{day.isoformat()}-{slugify(re.sub(r' Meeting$', '', meeting_type))}"
    holders = role_holders(people, index)
    roles = list(zip(lexicon.ROLES, holders, strict=True))
    present = [roles[0]] + rng.sample(roles[1:], rng.randint(4, 8))
    present.sort(key=lambda entry: lexicon.ROLES.index(entry[0]))
    absent_pool = [r for r in roles if r not in present]
    absent = rng.sample(absent_pool, rng.randint(0, 2))
    speakers = [abbr for (_, abbr), _ in present]
    glossary = [abbr for abbr, _ in lexicon.GLOSSARY]

    count = rng.randint(5, 10)
    agenda = list(zip(item_numbers(rng, count), item_titles(rng, count), strict=True))
    next_day = day + dt.timedelta(days=28)
    next_line = f"{meeting_type.removesuffix(' Meeting')}, {long_date(next_day)}, {time} {venue}"

    actions = []
    for n in range(1, rng.choice((0, 1, 1, 2, 2, 3, 4)) + 1):
        number = rng.choice(agenda[1:-1])[0]
        (_, abbr), owner = rng.choice(present)
        prose = Prose(rng, vocabulary)
        action = {
            "id": f"{day.isoformat()}-{n}",
            "item": number,
            "owner": owner.slug if rng.random() < 0.9 else "",  # some minutes name no owner
            "text": f"The {abbr} to {rng.choice(lexicon.ACTION_VERBS)} {prose.phrase(rng.randint(5, 12))}.",
            "status": rng.choice(("open", "open", "open", "in-progress")),
            "due": (day + dt.timedelta(days=rng.choice((28, 56, 91)))).isoformat() if rng.random() < 0.4 else "",
        }
        actions.append(action)

    updates = []
    for _ in range(min(len(book.pending), rng.choice((0, 1, 1, 2, 3)))):
        action_id = book.pending.pop(rng.randrange(len(book.pending)))
        status = rng.choice(("in-progress", "completed", "completed", "closed"))
        note = Prose(rng, vocabulary).sentence(speakers, glossary)
        updates.append({"action": action_id, "status": status, "note": note})
        if status == "in-progress":
            book.pending.append(action_id)
    book.pending.extend(a["id"] for a in actions)
    del book.pending[:-200]  # old actions stop being discussed

    body = meeting_body(rng, vocabulary, agenda, actions, speakers, glossary, next_line)
    front = front_matter(
        meeting_type,
        day,
        time,
        venue,
        holders[0],
        minute_taker(people, index),
        present,
        absent,
        agenda,
        actions,
        updates,
        next_day,
        next_line,
    )
    return f"{meeting_id}.md", f"---\n{front}---\n\n{body}"


def meeting_body(rng, vocabulary, agenda, actions, speakers, glossary, next_line) -> str:
    prose = Prose(rng, vocabulary)
    # Share the words among the themed items; the first and last items are short, as in real minutes.
    middle = agenda[1:-1]
    shares = [rng.uniform(0.5, 1.5) for _ in middle]
    budget = WORDS_PER_MEETING - 190  # what the first and last items, headings and actions arising add
    sections = []
    for position, (number, (title, _themes)) in enumerate(agenda):
        parts = [f"## {number} {title}"]
        if position == 0:
            parts.append(prose.paragraph(speakers, glossary, rng.randint(1, 3)))
        elif position == len(agenda) - 1:
            parts.append(f"The next meeting will be held on {next_line}.")
        else:
            target = prose.words + budget * shares[position - 1] / sum(shares)
            parts.append(prose.paragraph(speakers, glossary))
            while prose.words < target - 45:  # stop half a chunk early: chunks average ~90 words
                kind = rng.random()
                if kind < 0.3:
                    parts.append(f"### {rng.choice(lexicon.SUB_HEADINGS)}")
                    parts.append(prose.paragraph(speakers, glossary))
                elif kind < 0.55:
                    parts.append(prose.bullets(speakers, glossary, numbered=rng.random() < 0.5))
                else:
                    parts.append(prose.paragraph(speakers, glossary))
            raised = [a["text"] for a in actions if a["item"] == number]
            if raised:
                parts.append("### Actions arising")
                parts.extend(raised)
        sections.append("\n\n".join(parts))
    return "\n\n".join(sections) + "\n"


def front_matter(
    meeting_type, day, time, venue, chair, taker, present, absent, agenda, actions, updates, next_day, next_line
) -> str:
    def person(entry, indent="  - "):
        (role, abbr), who = entry
        return f"{indent}person: {who.slug}\n    role: {yaml_text(role)}\n    abbreviation: {yaml_text(abbr)}\n"

    title = f"{meeting_type} {day.day} {day.strftime('%B %Y')}"
    lines = [
        f"title: {yaml_text(title)}\n",
        f"date: {day.isoformat()}\n",
        f'time: "{time}"\n',
        f"type: {yaml_text(meeting_type)}\n",
        f"venue: {yaml_text(venue)}\n",
        f"chair: {chair.slug}\n",
        f"minute_taker:\n  person: {taker.slug}\n  role: {yaml_text(lexicon.MINUTE_TAKER_ROLE)}\n",
        "attendees:\n" + "".join(person(e) for e in present),
        "apologies:\n" + "".join(person(e) for e in absent) if absent else "apologies: []\n",
        "agenda:\n",
    ]
    for number, (title_text, themes) in agenda:
        lines.append(f'  - number: "{number}"\n    title: {yaml_text(title_text)}\n')
        if themes:
            lines.append(f"    themes: [{', '.join(themes)}]\n")
    if actions:
        lines.append("actions:\n")
        for a in actions:
            lines.append(f'  - id: {a["id"]}\n    item: "{a["item"]}"\n')
            if a["owner"]:
                lines.append(f"    owner: {a['owner']}\n")
            lines.append(f"    text: {yaml_text(a['text'])}\n    status: {a['status']}\n")
            if a["due"]:
                lines.append(f"    due: {a['due']}\n")
    if updates:
        lines.append("action_updates:\n")
        for u in updates:
            lines.append(f"  - action: {u['action']}\n    status: {u['status']}\n    note: {yaml_text(u['note'])}\n")
    lines.append(
        f'next_meeting:\n  date: {next_day.isoformat()}\n  time: "{time}"\n'
        f"  type: {yaml_text(meeting_type.removesuffix(' Meeting'))}\n"
        f"  venue: {yaml_text(venue)}\n  as_minuted: {yaml_text(next_line)}\n"
    )
    lines.append(f"source:\n  title: {yaml_text(title + ' – Meeting Notes')}\n")
    return "".join(lines)


# ---------------------------------------------------------------- the archive


def archive_files(meetings: int, seed: int) -> dict[str, str]:
    """Pure: every file of a synthetic archive, path relative to the content folder -> text."""
    rng = random.Random(seed)
    vocabulary = build_vocabulary(rng)
    people = make_people(rng)
    files = {
        "site.yml": site_yml(meetings),
        "themes.yml": themes_yml(),
        "people.yml": people_yml(people),
        "glossary.yml": glossary_yml(),
    }
    book = ActionBook()
    for index, day in enumerate(meeting_dates(rng, meetings)):
        name, text = meeting_file(rng, vocabulary, people, index, day, book)
        files[f"meetings/{name}"] = text
    return files


def vocabulary_for(seed: int) -> Vocabulary:
    """The vocabulary archive_files(…, seed) draws from: it is the first thing the seed makes."""
    return build_vocabulary(random.Random(seed))


def write_archive(out: Path, meetings: int, seed: int) -> Path:
    if out.exists():
        shutil.rmtree(out)
    for relative, text in archive_files(meetings, seed).items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description="Write a synthetic content folder of meeting minutes."
    )
    parser.add_argument(
        "--meetings", type=int, default=10 * REAL_ARCHIVE_MEETINGS, help="how many meetings (default: 50)"
    )
    parser.add_argument("--seed", type=int, default=1, help="the same seed writes byte-identical files (default: 1)")
    parser.add_argument("--out", type=Path, required=True, help="the content folder to write; replaced if it exists")
    args = parser.parse_args(argv)
    write_archive(args.out, args.meetings, args.seed)
    print(f"Wrote {args.meetings} meetings to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
