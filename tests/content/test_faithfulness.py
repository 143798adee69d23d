"""The faithfulness comparison (tests/faithfulness.py) on the real meetings of the assurance fixture:
each is faithful to its source text, and a dropped sentence or paragraph, or an invented one, is caught.

tests/archive/test_faithfulness.py holds the repository's own content/ to its sources/ with the same comparison.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ASSURANCE, ASSURANCE_SOURCES
from tests.faithfulness import (
    COVERAGE_MIN,
    COVERAGE_RUN,
    REPAIR_SHARE_MAX,
    body_paragraphs,
    coverage,
    is_repair,
    mend,
    occurrences,
    pairs,
    published_words,
    repairs_and_inventions,
    seed_sentences,
    seed_words,
    unfaithful,
    unpublished_sentences,
    unsupported,
    words,
)

MEETINGS = ASSURANCE / "meetings"


def pair(name: str) -> tuple[Path, Path]:
    """The source text and the meeting file of the meeting named `name` (a file stem)."""
    seed, meeting = ASSURANCE_SOURCES / f"{name}.txt", MEETINGS / f"{name}.md"
    assert seed.is_file(), f"{meeting.name} has no source text {seed}"
    return seed, meeting


def damaged_copy(tmp_path: Path, name: str, change) -> Path:
    _, meeting = pair(name)
    copy = tmp_path / meeting.name
    copy.write_text(change(meeting.read_text(encoding="utf-8")), encoding="utf-8")
    return copy


# Every meeting of the fixture, each against its own source text.
EVERY_MEETING = pytest.mark.parametrize("name", [meeting.stem for _, meeting in pairs(MEETINGS, ASSURANCE_SOURCES)])
MARCH_2021 = "2021-03-23-monthly-assurance"
DROPPED = "The ACC responded that he is confident they will."


def test_each_of_the_five_meetings_is_paired_with_its_source_text():
    assert [m.stem for _, m in pairs(MEETINGS, ASSURANCE_SOURCES)] == [
        "2016-10-19-monthly-assurance",
        "2018-02-27-monthly-assurance",
        "2019-04-30-monthly-assurance",
        MARCH_2021,
        "2021-12-20-monthly-assurance",
    ]


@EVERY_MEETING
def test_published_text_covers_its_seed(name):
    seed, meeting = pair(name)
    published = published_words(meeting)
    figure = coverage(seed_words(seed, published), published)
    print(f"{name}: coverage {figure:.3f}")
    assert figure >= COVERAGE_MIN, f"{name}: only {figure:.1%} of the seed's {COVERAGE_RUN}-word runs are published"


@EVERY_MEETING
def test_every_sentence_of_its_seed_is_published(name):
    seed, meeting = pair(name)
    assert unpublished_sentences(seed, meeting) == []


@EVERY_MEETING
def test_published_body_invents_nothing(name):
    seed, meeting = pair(name)
    repaired, invented, total = repairs_and_inventions(seed, meeting)
    print(f"{name}: runs not in the seed {len(repaired)} of {total} ({len(repaired) / total:.2%}): {repaired}")
    assert not invented, f"{name}: not in the seed: {invented}"
    assert len(repaired) <= REPAIR_SHARE_MAX * total, f"{name}: too many runs not in the seed: {repaired}"


@EVERY_MEETING
def test_the_whole_comparison_finds_it_faithful(name):
    assert unfaithful(*pair(name)) == []


def test_words_are_compared_without_tags_bullets_or_apostrophe_styles():
    assert words("<p>• The CC’s view</p>\tCC") == words("The CC's view CC") == ["the", "cc's", "view", "cc"]


def test_a_word_split_across_columns_or_lines_is_one_word():
    published = words("At the September meeting on 12th January the force was reorganised")
    seed = mend(words("Se op\tAt the eptember meeting on 12 th January the force was reorgan-\nised"), set(published))
    assert seed == published


def test_a_sentence_split_by_a_page_break_is_found_in_its_two_parts():
    seed = (
        "<p>The PCC recognised the system is clunky. He sought</p>\t\n\n"
        "\t<p>reassurance that the force will continue.</p>"
    )
    published = words("The PCC recognised the system is clunky. He sought reassurance that the force will continue.")
    pieces = [s for s in seed_sentences(seed) if s]
    assert len(pieces) == 3
    assert all(occurrences(s, published, set(published)) == 1 for s in pieces)


def test_a_page_break_rejoined_across_a_page_number_is_a_repair():
    seed = words(
        "He asked if there</p>\t\n\n3\n\n\t<p>were any tangible benefits associated with his investment so far."
    )
    paragraph = words("He asked if there were any tangible benefits associated with his investment so far.")
    stretches = unsupported(seed, paragraph)
    assert stretches and all(is_repair(s, paragraph) for s in stretches)


def test_dropping_a_paragraph_brings_coverage_below_the_threshold(tmp_path):
    seed, meeting = pair(MARCH_2021)
    paragraph = "The PCC acknowledged that the force have utilised a number of posts funded by his office"  # 107 words

    def drop(text):
        start = text.index(paragraph)
        return text[:start] + text[text.index("\n\n", start) :]

    damaged = damaged_copy(tmp_path, MARCH_2021, drop)
    before, after = published_words(meeting), published_words(damaged)
    assert coverage(seed_words(seed, before), before) >= COVERAGE_MIN
    assert coverage(seed_words(seed, after), after) < COVERAGE_MIN


def test_dropping_one_sentence_is_caught(tmp_path):
    seed, _ = pair(MARCH_2021)
    damaged = damaged_copy(tmp_path, MARCH_2021, lambda text: text.replace(DROPPED + " ", ""))
    assert unpublished_sentences(seed, damaged) == ["the acc responded that he is confident they will"]


def test_the_whole_comparison_names_a_dropped_sentence(tmp_path):
    seed, _ = pair(MARCH_2021)
    damaged = damaged_copy(tmp_path, MARCH_2021, lambda text: text.replace(DROPPED + " ", ""))
    assert unfaithful(seed, damaged) == [
        f"{MARCH_2021}: not published: 'the acc responded that he is confident they will'"
    ]


def test_an_invented_sentence_is_not_taken_for_a_repair(tmp_path):
    seed, _ = pair(MARCH_2021)
    invented = "The ACC thanked the PCC for his continued support."
    damaged = damaged_copy(tmp_path, MARCH_2021, lambda text: text.replace(DROPPED, invented))
    words_of_seed = seed_words(seed, published_words(damaged))
    stretches = [(s, p) for p in body_paragraphs(damaged) for s in unsupported(words_of_seed, p)]
    assert any(not is_repair(s, p) for s, p in stretches)
    assert any("not in the seed" in line for line in unfaithful(seed, damaged))
