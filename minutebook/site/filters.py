"""Filters on the lists of meetings, actions and decisions: what each row is (its facets) and the choices offered.

The templates put each row's facets on it as data attributes and render the filters as a form that
assets/filters.js shows and acts on, so the whole list is in the page without a script and on paper.
A filter is offered only where it has two choices or more: one committee, one year or one result
is nothing to choose between, nor is a list of one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from minutebook.link import Archive, TrackedAction
from minutebook.model import DECISION_KINDS, DECISION_RESULTS, Decision, Meeting


def result_label(result: str) -> str:
    """A decision's result in words, as every page shows it: "Carried", "Lost"."""
    return result.capitalize()


def decision_outcome(decision: Decision) -> str:
    """What became of a decision, as its row in a list and its search result say: "Carried", "Lost, 2 for,
    4 against"."""
    tally = decision.tally
    return result_label(decision.result) + (f", {tally.in_words}" if tally else "")


def kind_label(kind: str) -> str:
    """A decision's kind in words, as its heading starts (Decision.label): "Motion", "Resolution"."""
    return kind.capitalize()


@dataclass(frozen=True)
class Option:
    """One choice of a list's filter."""

    value: str  # as the address holds it: ?committee=planning
    label: str


@dataclass(frozen=True)
class Filter:
    """One of a list's filters, shown as a select."""

    name: str  # the query parameter, and the data attribute on each row (data-committee)
    label: str  # the select's label
    anyone: str  # the first choice, which filters nothing: "Any year"
    options: tuple[Option, ...]


@dataclass(frozen=True)
class ListFilters:
    """The filters on one list, and how to find a row's facets. False when there is nothing to filter."""

    noun: str  # one row, as the count says it: "1 decision shown"
    plural: str
    filters: tuple[Filter, ...]
    facets_of: Callable[[Any], dict[str, str]]
    key_of: Callable[[Any], str]  # one row's identity: a list may show a row twice (by year, by result)

    def __bool__(self) -> bool:
        return bool(self.filters)

    def row(self, thing: Any) -> dict[str, str]:
        """A row's data attributes, by name without "data-": its key and the facets a filter is offered on."""
        offered = {f.name for f in self.filters}
        facets = self.facets_of(thing)
        return {"row": self.key_of(thing), **{name: facets[name] for name in facets if name in offered}}


# ---------------------------------------------------------------- facets: what each row is


def _themes(slugs: Iterable[str]) -> str:
    """Themes as one attribute, its slugs separated by spaces, as `~=` in CSS reads a list."""
    return " ".join(dict.fromkeys(slugs))


def meeting_facets(archive: Archive, meeting: Meeting) -> dict[str, str]:
    return {
        "committee": archive.committee_of(meeting).slug,
        "year": str(meeting.year),
        "theme": _themes(slug for item in meeting.agenda for slug in item.themes),
    }


def action_facets(archive: Archive, tracked: TrackedAction) -> dict[str, str]:
    """An action is of the committee, year and themes of the meeting and item it arose at."""
    meeting = archive.meeting(tracked.action.meeting_id)
    item = meeting.item(tracked.action.item)
    return {
        "committee": archive.committee_of(meeting).slug,
        "year": str(meeting.year),
        "theme": _themes(item.themes if item else ()),
    }


def decision_facets(archive: Archive, decision: Decision) -> dict[str, str]:
    """A decision is of the committee and year of its meeting and the themes of the item it was made under."""
    meeting = archive.meeting(decision.meeting_id)
    item = meeting.item(decision.item)
    return {
        "committee": archive.committee_of(meeting).slug,
        "year": str(meeting.year),
        "theme": _themes(item.themes if item else ()),
        "result": decision.result,
        "kind": decision.kind,
    }


# ---------------------------------------------------------------- the choices offered


def _offered(name: str, label: str, anyone: str, choices: Iterable[tuple[str, str]], rows: list[dict]) -> Filter:
    """The `choices` (value, label), in their order, that at least one row has."""
    present = {value for facets in rows for value in facets[name].split()}
    return Filter(name, label, anyone, tuple(Option(v, shown) for v, shown in choices if v in present))


def _common(archive: Archive, rows: list[dict]) -> list[Filter]:
    return [
        _offered("committee", "Meeting type", "Any meeting type", ((c.slug, c.name) for c in archive.committees), rows),
        _offered("year", "Year", "Any year", ((str(year), str(year)) for year, _ in archive.years), rows),
        _offered("theme", "Theme", "Any theme", ((t.theme.slug, t.theme.name) for t in archive.themes), rows),
    ]


def _worth_offering(filters: Iterable[Filter], rows: list[dict]) -> tuple[Filter, ...]:
    """Those with a choice to make, on a list with more than one row to choose from."""
    return tuple(f for f in filters if len(f.options) > 1) if len(rows) > 1 else ()


def meeting_filters(archive: Archive) -> ListFilters:
    facets = functools.partial(meeting_facets, archive)
    rows = [facets(m) for m in archive.meetings]
    return ListFilters("meeting", "meetings", _worth_offering(_common(archive, rows), rows), facets, lambda m: m.id)


def action_filters(archive: Archive) -> ListFilters:
    """No filter by status: the tracker already lists the actions under each status, with a contents list."""
    facets = functools.partial(action_facets, archive)
    rows = [facets(t) for t in archive.actions]
    filters = _worth_offering(_common(archive, rows), rows)
    return ListFilters("action", "actions", filters, facets, lambda t: t.action.id)


def _results(rows: list[dict]) -> Filter:
    return _offered("result", "Result", "Any result", ((r, result_label(r)) for r in DECISION_RESULTS), rows)


def search_result_filter(archive: Archive) -> Filter | None:
    """The search's filter by a decision's result: the results the archive's decisions have, where
    they have more than one."""
    offered = _results([{"result": d.result} for d in archive.decisions])
    return offered if len(offered.options) > 1 else None


def decision_filters(archive: Archive) -> ListFilters:
    facets = functools.partial(decision_facets, archive)
    rows = [facets(d) for d in archive.decisions]
    filters = [
        *_common(archive, rows),
        _results(rows),
        _offered("kind", "Kind", "Any kind", ((k, kind_label(k)) for k in DECISION_KINDS), rows),
    ]
    return ListFilters(
        "decision", "decisions", _worth_offering(filters, rows), facets, lambda d: f"{d.meeting_id}#{d.anchor}"
    )
