"""site.yml's `locale`: a language Babel knows, a time zone the database knows, the clock and the body's words;
each wrong setting located as path:line: field: message, and each left out taking its default."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.content.load import load_content
from minutebook.model import Locale, Words
from tests.load.refusals import problems

SITE = "content/site.yml"


def with_locale(content: Path, *lines: str) -> int:
    """Append a `locale:` mapping of `lines` (each indented under it) to site.yml; the line of its first."""
    settings = content / "site.yml"
    text = settings.read_text(encoding="utf-8").rstrip("\n") + "\n"
    first = text.count("\n") + 2
    settings.write_text(text + "locale:\n" + "".join(f"  {line}\n" for line in lines), encoding="utf-8")
    return first


def test_a_site_without_a_locale_is_british_english_in_london_time(small_content):
    assert load_content(small_content).site.locale == Locale("en-GB", "Europe/London", 24, Words())


def test_a_language_babel_does_not_know_is_refused_with_its_line_and_field(small_content):
    line = with_locale(small_content, "language: en-XX")
    assert problems(small_content) == [
        f"{SITE}:{line}: locale.language: 'en-XX' is not a language the Babel library knows; "
        "expected a language tag, BCP 47, such as en-GB or en-US"
    ]


def test_a_language_written_with_an_underscore_is_refused(small_content):
    line = with_locale(small_content, "language: en_US")
    assert problems(small_content)[0].startswith(f"{SITE}:{line}: locale.language: 'en_US' is not a language")


def test_a_language_tag_is_written_as_babel_writes_it(small_content):
    with_locale(small_content, "language: en-us")
    assert load_content(small_content).site.locale.language == "en-US"


def test_an_unknown_time_zone_is_refused_with_its_line_field_and_the_nearest_name(small_content):
    line = with_locale(small_content, "language: en-US", "time_zone: America/Los_Angles")
    assert problems(small_content) == [
        f"{SITE}:{line + 1}: locale.time_zone: 'America/Los_Angles' is not a time zone "
        "(did you mean 'America/Los_Angeles'?); expected a time zone, its IANA name, such as Europe/London or "
        "America/Los_Angeles"
    ]


def test_a_time_zone_in_the_wrong_case_is_refused_as_a_calendar_would_not_know_it(small_content):
    line = with_locale(small_content, "time_zone: europe/london")
    assert problems(small_content)[0].startswith(f"{SITE}:{line}: locale.time_zone: 'europe/london' is not a time")


def test_a_clock_other_than_12_or_24_is_refused(small_content):
    line = with_locale(small_content, "clock: 13")
    assert problems(small_content) == [f"{SITE}:{line}: locale.clock: '13' is not allowed; expected one of: 12, 24"]


@pytest.mark.parametrize("language, clock", [("en-US", 12), ("en-GB", 24), ("fr-CA", 24)])
def test_a_clock_left_out_is_the_languages_usual_one(small_content, language, clock):
    with_locale(small_content, f"language: {language}")
    assert load_content(small_content).site.locale.clock == clock


def test_a_clock_given_overrides_the_languages(small_content):
    with_locale(small_content, "language: en-US", "clock: 24")
    assert load_content(small_content).site.locale.clock == 24


def test_words_left_out_keep_their_defaults(small_content):
    with_locale(small_content, "words:", "  apologies: Absent")
    assert load_content(small_content).site.locale.words == Words(apologies="Absent")


def test_an_unknown_word_is_refused_with_the_words_there_are(small_content):
    line = with_locale(small_content, "words:", "  absent: Absent")
    assert problems(small_content) == [
        f"{SITE}:{line + 1}: locale.words.absent: is not a known field; "
        "expected one of: apologies, minutes, chair, minute_taker, attendance"
    ]


def test_the_record_is_named_in_lower_case_inside_a_sentence_unless_it_is_an_abbreviation():
    assert Words(minutes="Notes").minutes_in_text == "notes"
    assert Words(minutes="AGM record").minutes_in_text == "AGM record"
    assert Words(minutes="NOTES").minutes_in_text == "NOTES"
