"""Import: old minutes (plain text, Word or PDF) to a draft meeting file for an editor to finish.

Four pure steps, each a module:

1. **read** (`read.py`): a file's content to lines of text, table cells separated by tabs;
2. **repair** (`repair.py`): the layout debris that can be repaired with certainty
   (stray HTML tags, words and sentences split by columns or page breaks);
3. **parse** (`parse.py`, with `header.py` for the facts and people before the agenda):
   the agenda, its text, the actions and the next meeting, as a `Draft` (`found.py`).
   Minutes printed as running text rather than a table are read by `plain.py`, with
   `people.py` for lists of people and `dates.py` for UK, US and ISO dates and times;
4. **draft** (`draft.py`): the draft's file text, and the per-field report for the editor.

Published minutes are a public record, so nothing here rewords, drops or adds minuted
text: whatever is not certain stays as printed, with a `[CHECK: reason]` marker, and
what no field holds whole is kept in the body, never only in a YAML comment.
"""
