"""Every figure is sampled in rounds, the tools taking turns, so noise falls on all of them alike."""

from bench import browser, run, schedule
from bench.measure import CommandFailed, Run


def test_rounds_take_turns_in_the_order_given_then_in_reverse():
    assert schedule.rounds(["a", "b", "c"], 3) == [
        *[(0, "a"), (0, "b"), (0, "c")],
        *[(1, "c"), (1, "b"), (1, "a")],
        *[(2, "a"), (2, "b"), (2, "c")],
    ]
    assert schedule.rounds(["a"], 0) == []


def test_a_spread_keeps_the_median_the_extremes_and_the_order_taken():
    assert schedule.spread([3.0, 1.0, 2.0]) == {"median": 2.0, "min": 1.0, "max": 3.0, "samples": [3.0, 1.0, 2.0]}


def test_within_ten_percent_or_better():
    assert schedule.within(1.10, 1.0) == "yes"
    assert schedule.within(0.5, 1.0) == "yes"
    assert schedule.within(1.11, 1.0) == "no"
    assert schedule.within(None, 1.0) == "–"


class FakeTool(run.Tool):
    def __init__(self, key, calls, fail_in_round=None):
        self.key, self.label, self.calls, self.fail_in_round = key, key.upper(), calls, fail_in_round
        self.site = run.OUT / "fake"  # named only: nothing is written

    def sample(self, n):
        self.calls.append((n, self.key))
        if n == self.fail_in_round:
            raise CommandFailed("exited 1")
        return {"build": Run(1.0 + n, 10.0 * (n + 1), ""), "preview": 0.5}


def test_measure_tools_alternates_and_a_failing_tool_is_recorded_and_dropped(capsys):
    calls = []
    tools = [FakeTool("a", calls), FakeTool("b", calls, fail_in_round=1), FakeTool("c", calls)]
    results = run.measure_tools(tools, runs=3)
    assert calls == [(0, "a"), (0, "b"), (0, "c"), (1, "c"), (1, "b"), (1, "a"), (2, "a"), (2, "c")]
    assert results["a"]["figures"]["build"]["seconds"]["median"] == 2.0
    assert results["a"]["figures"]["build"]["peak_rss_mb"]["samples"] == [10.0, 20.0, 30.0]
    assert results["a"]["figures"]["preview"]["median"] == 0.5
    assert "exited 1" in results["b"]["error"] and "figures" not in results["b"]
    assert "B could not be measured" in capsys.readouterr().out


class FakeContext:
    def close(self):
        pass


class FakePage:
    def __init__(self, typed):
        self.typed = typed

    def evaluate(self, script, args=None):
        self.typed.append(args[3])  # the query
        return 5.0


def test_the_browser_takes_turns_between_sites_and_types_queries_once_each(monkeypatch):
    loads, typed = [], []

    def first_result(browser_, base, log, ui, word, timeout_s):
        loads.append(base)
        return (None if base == "slow" else 100.0 + len(loads)), 1000, 3, FakeContext(), FakePage(typed)

    monkeypatch.setattr(browser, "first_result", first_result)
    ui = browser.SearchUI("X", "search/", "#r", "li", "#q")
    sites = [
        browser.Site("a", "a", [], ui),
        browser.Site("slow", "slow", [], ui),
        browser.Site("stub", "stub", [], ui, typed=False),
    ]
    times = browser.measure_alternating(None, sites, "word", ["q1", "q2"], tries=3)
    assert loads == ["a", "slow", "stub", "stub", "a", "a", "stub"]  # the slow site gave up after its first try
    assert times["a"].first_result_samples == [101.0, 105.0, 106.0] and times["a"].first_result_ms == 105.0
    assert typed == ["q1", "q2"] and times["a"].typed_measured == 2 and times["stub"].typed_measured == 0
    assert times["slow"].first_result_ms is None and "no result" in times["slow"].note


def test_two_commands_as_one_figure_add_their_times_and_keep_the_larger_peak():
    joined = run.both(Run(1.0, 50.0, "", 0.5), Run(2.0, 40.0, "out", 1.5))
    assert (joined.seconds, joined.peak_rss_mb, joined.cpu_seconds) == (3.0, 50.0, 2.0)
