"""The search: what is searchable, and the files the browser searches it with.

One document per agenda item, one per action and one per decision (documents.py). The search is
lunr's. Words become terms here, at build time, as lunr.js's pipeline
(trimmer, stop words, stemmer) makes them in the browser (terms.py ports it:
lunr.py's own stemmer differs), so each word is held under the term a search
looks it up under. What ships (files.py writes it, wire.py specifies it) is
each term's postings with their counts, and the browser (assets/search/) makes
from them exactly the index stock lunr.py's `lunr()` would build with those
terms (same postings and BM25 scores; a test compares the two), and ranks with
it as lunr.js's Index.query does (a test compares those too), using lunr.js's
query parser, stemmer and TokenSet. scripts.py joins assets/search/ into the
scripts the site serves.

The index is split so a query fetches only what it needs (layout.py says where
ranges of terms begin, which the page's first script needs too):

- `search/index.js`: each meeting's and document's field lengths and themes,
  which scoring and the filters need;
- `search/words/<range>.js`: the terms of one range, sorted, for lunr's
  TokenSet; a word loads its own range's, a close spelling or a wildcard
  that is not a word's end loads them all;
- `search/terms/<year>-<range>.js`: the postings of one range of terms in one
  year; a query loads its terms' range in every year, no more, and scores
  with them: lunr scores a field only against the query's own terms, so the
  terms read so far rank exactly as the whole index would;
- `search/text/<meeting>.js`: what a meeting's results show (titles, links,
  text for snippets and phrases), loaded only for results drawn.

Shipping counts rather than scores keeps a rebuild small: scores depend on the
whole archive (how many documents hold a word, how long fields are on
average), so one edited meeting would change every score, while its counts
change only its own. Each meeting's part is made once and kept (pipeline.py),
its postings already cut into the ranges of terms, so an edit remakes one
year's term files by joining the parts' lines, and search/index.js from every
meeting's short summary.

Phrases ("force priority") are checked in the browser against the stored
text, which results need for snippets anyway, rather than with term positions
in the index: on the first five meetings, positions made lunr's index half as
big again (201 to 300 KB; 29 to 50 KB gzipped) for that one feature. Kept in
files of their own, fetched only for a phrase, they spared a phrase most of
its texts, but at 500 synthetic meetings they were bigger than all the texts
(1.86 against 1.65 MB gzipped), so the search stays without them.
"""
