"""RESULTS.md from the figures: each peer's column with Minutebook's ratio to it, and old beside new."""

from bench import report


def spread(median, low, high):
    return {"median": median, "min": low, "max": high, "samples": [low, median, high]}


def command(seconds, memory):
    return {
        "seconds": spread(seconds, seconds * 0.9, seconds * 1.2),
        "peak_rss_mb": spread(memory, memory, memory),
        "cpu_seconds": spread(seconds * 2, seconds * 2, seconds * 2),
    }


def minutebook(seconds, browser_ms):
    return {
        "label": "Minutebook",
        "pages": 211,
        "figures": {
            "build": command(seconds, 50.0),
            "rebuild": command(0.2, 40.0),
            "preview": spread(0.06, 0.05, 0.07),
        },
        "payload": {"files": 3, "raw": 1024 * 1000, "gzip": 1024 * 300},
        "browser": {
            "first_result_ms": browser_ms,
            "first_result_samples": [browser_ms - 10, browser_ms, browser_ms + 30],
            "first_result_bytes": 80 * 1024,
            "typed_median_ms": 130.0,
            "typed_measured": 20,
            "engine_median_ms": 3.0,
        },
    }


def results():
    return {
        "size": 50,
        "date": "2026-12-05T03:00+00:00",
        "runs": 3,
        "compare_commit": "f622f9f",
        "machine": {
            "commit": "abc1234",
            "cpu": "cpu",
            "cores": 2,
            "ram_gib": 1,
            "python": "3.11",
            "chromium": "c",
            "node": "v20",
        },
        "order": ["minutebook", "minutebook_old", "mkdocs", "mkdocs_default", "hugo_pagefind", "pagefind"],
        "tools": {
            "minutebook": minutebook(1.0, 280.0),
            "minutebook_old": minutebook(1.05, 400.0) | {"label": "Minutebook at f622f9f"},
            "mkdocs": {
                "label": "MkDocs, prebuild_index: python",
                "version": "MkDocs 1.6.1",
                "pages": 53,
                "figures": {"build": command(4.0, 70.0), "rebuild": command(4.0, 70.0), "dirty": command(0.3, 60.0)},
                "payload": {"raw": 5000 * 1024, "gzip": 600 * 1024},
            },
            "mkdocs_default": {
                "label": "MkDocs, default search",
                "version": "MkDocs 1.6.1",
                "pages": 53,
                "figures": {"build": command(2.0, 40.0), "rebuild": command(2.0, 40.0), "dirty": command(0.3, 40.0)},
                "payload": {"raw": 1000 * 1024, "gzip": 200 * 1024},
            },
            "hugo_pagefind": {
                "label": "Hugo + Pagefind",
                "version": "Hugo 0.111.3 + Pagefind 1.6.0",
                "pages": 52,
                "indexed": "50",
                "figures": {
                    "build": command(0.5, 60.0),
                    "hugo": command(0.2, 60.0),
                    "pagefind": command(0.3, 40.0),
                    "rebuild": command(0.5, 60.0),
                    "hugo_rebuild": command(0.2, 60.0),
                    "pagefind_rebuild": command(0.3, 40.0),
                },
                "payload": {"raw": 1200 * 1024, "gzip": 800 * 1024},
            },
            "pagefind": {"label": "Pagefind on Minutebook's site", "error": "CommandFailed: node exited 1"},
        },
        "stages": {"seconds": {"load": 0.1}, "pages": 211, "rendered": 211},
        "incremental_stages": {"seconds": {"load": 0.01}, "pages": 211, "rendered": 1},
    }


def table_row(text, label):
    return next(line for line in text.splitlines() if line.startswith(f"| {label} |")).split(" | ")


def test_each_peer_has_its_column_and_minutebooks_ratio_to_it():
    text = report.size_section(results())
    header = next(line for line in text.splitlines() if line.startswith("|  | Minutebook |"))
    for heading in (
        "MkDocs, `prebuild_index: python` (MkDocs 1.6.1)",
        "MkDocs, default search",
        "Hugo + Pagefind (Hugo 0.111.3 + Pagefind 1.6.0)",
        "Hugo alone",
        "Pagefind alone, on Hugo's site",
        "Pagefind on Minutebook's site",
    ):
        assert heading in header
    assert header.count("Minutebook ÷ it") == 3
    full = table_row(text, "Full build, s")
    # Minutebook, MkDocs python, ratio, MkDocs default, ratio, Hugo + Pagefind, ratio, Hugo, Pagefind,
    # Pagefind on Minutebook's
    assert full[1:] == [
        "1.00 (0.90–1.20)",
        "4.00 (3.60–4.80)",
        "0.25×",
        "2.00 (1.80–2.40)",
        "0.50×",
        "0.50 (0.45–0.60)",
        "2.00×",
        "0.20 (0.18–0.24)",
        "0.30 (0.27–0.36)",
        "– |",
    ]
    assert table_row(text, "Search payload gzipped, KB")[2:4] == ["600", "0.50×"]
    assert table_row(text, "First result on fast 4G, ms")[1] == "280 (270–310)"
    assert "Pagefind on Minutebook's site could not be measured: CommandFailed" in text
    assert "rendered 1 of 211 pages" in text


def test_old_and_new_side_by_side_with_the_ratio_and_whether_within_ten_percent():
    text = report.size_section(results())
    assert (
        "| | Minutebook at `f622f9f` | Minutebook now (`abc1234`) | now ÷ `f622f9f` "
        "| within 10% of `f622f9f` or better |" in text
    )
    old_new = text.split("Minutebook at `f622f9f` and now", 1)[1]
    assert table_row(old_new, "Full build, s")[1:] == ["1.05 (0.95–1.26)", "1.00 (0.90–1.20)", "0.95×", "yes |"]
    assert table_row(old_new, "Full build, CPU time (user + system), s")[1:] == ["2.10", "2.00", "0.95×", "yes |"]
    assert table_row(old_new, "First result on fast 4G, ms")[3:] == ["0.70×", "yes |"]
    slower = results()
    slower["tools"]["minutebook"]["figures"]["rebuild"] = command(0.5, 40.0)
    assert table_row(report.size_section(slower).split("and now", 1)[1], "Rebuild after one meeting changed, s")[
        3:
    ] == ["2.50×", "no |"]


def test_without_an_old_commit_there_is_no_old_and_new_table():
    plain = results()
    del plain["tools"]["minutebook_old"]
    assert "now ÷" not in report.size_section(plain)


def test_a_size_measured_before_issue_25_still_renders():
    legacy = {
        "size": 5000,
        "date": "2026-11-24",
        "machine": {"commit": "88fa058"},
        "minutebook": {"build": {"seconds": 41.6, "peak_rss_mb": 1000.0}, "stages": {"pages": 14433, "files": 21557}},
        "mkdocs": {"build": {"seconds": 180.7, "peak_rss_mb": 3000.0}},
    }
    text = report.size_section(legacy)
    assert "5,000 meetings (an earlier run" in text and "0.23×" in text


def test_the_order_of_a_round_is_listed_without_ambiguity():
    assert (
        "Minutebook; Minutebook at f622f9f; MkDocs, prebuild_index: python; MkDocs, default search; Hugo + Pagefind"
        in report.size_section(results())
    )
