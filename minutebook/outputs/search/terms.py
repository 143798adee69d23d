"""Words to index terms, exactly as lunr.js 2.3.9 makes them in the browser.

The search page turns what a visitor types into terms with lunr.js's own
trimmer, stop-word filter and stemmer, so the index must hold every word under
the term lunr.js will look it up under. lunr.py's pipeline is not that: its
Porter stemmer turns a final "y" after a vowel into "i" ("day" -> "dai",
"monday" -> "mondai") where lunr.js keeps it, and its trimmer keeps non-ASCII
letters at a word's ends where lunr.js's takes them off. Hence this port,
rule for rule, of lunr.js's pipeline.
No PyPI stemmer matches lunr.js's (Snowball's and NLTK's Porter make "day"
"dai"; their other variants differ elsewhere).

Words come in as the tokenizer gives them: lower case, split at the separators.
tests/index/test_terms.py runs lunr.js itself over every word of the archive
and of the benchmark's generator and holds this module to its answers.
"""

from __future__ import annotations

import re

# lunr.js 2.3.9's stop words (lunr.stopWordFilter); lunr.py's list is the same 119 words.
STOP_WORDS = frozenset(
    """
a able about across after all almost also am among an and any are as at be because been but by can
cannot could dear did do does either else ever every for from get got had has have he her hers him his
how however i if in into is it its just least let like likely may me might most must my neither no nor
not of off often on only or other our own rather said say says she should since so some than that the
their them then there these they this tis to too twas us wants was we were what when where which while
who whom why will with would yet you your
""".split()
)


# ------------------------------------------------------------------ trimmer

# lunr.trimmer: s.replace(/^\W+/, '').replace(/\W+$/, ''). JavaScript's \W, without the u flag, is
# anything but an ASCII letter, digit or "_": "café" loses its "é", as it does in the browser.
_LEADING = re.compile(r"\A[^A-Za-z0-9_]+")
_TRAILING = re.compile(r"[^A-Za-z0-9_]+\Z")


def trim(word: str) -> str:
    """`word` without the characters lunr.trimmer takes off its ends; "" when nothing is left."""
    return _TRAILING.sub("", _LEADING.sub("", word, count=1), count=1)


# ------------------------------------------------------------------ stemmer
# lunr.stemmer: lunr.js's porterStemmer, its regular expressions written as JavaScript reads them.
# JavaScript matches strings by UTF-16 code units: its "." is any unit but a line terminator, its "$"
# (without the m flag) only the very end. A word with characters beyond the basic plane is stemmed
# as a string of code units (surrogates), so that lengths and classes count as they do there.

_DOT = "[^\n\r\u2028\u2029]"  # JavaScript's "." without the s flag
_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence

_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # [C]VC... is m>0
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + r")?\Z")  # [C]VC[V] is m=1
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # [C]VCVC... is m>1
_S_V = re.compile("^(" + _C + ")?" + _v)  # vowel in stem

_1A = re.compile(f"^({_DOT}+?)(ss|i)es\\Z")
_1A_2 = re.compile(f"^({_DOT}+?)([^s])s\\Z")
_1B = re.compile(f"^({_DOT}+?)eed\\Z")
_1B_2 = re.compile(f"^({_DOT}+?)(ed|ing)\\Z")
_LAST = re.compile(f"{_DOT}\\Z")
_1B_ADD_E = re.compile(r"(at|bl|iz)\Z")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1\Z")
_1B_CVC = re.compile("^" + _C + _v + r"[^aeiouwxy]\Z")
_1C = re.compile(f"^({_DOT}+?[^aeiou])y\\Z")
_2 = re.compile(
    f"^({_DOT}+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)\\Z"
)
_3 = re.compile(f"^({_DOT}+?)(icate|ative|alize|iciti|ical|ful|ness)\\Z")
_4 = re.compile(f"^({_DOT}+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)\\Z")
_4_2 = re.compile(f"^({_DOT}+?)(s|t)(ion)\\Z")
_5 = re.compile(f"^({_DOT}+?)e\\Z")
_5_LL = re.compile(r"ll\Z")
_5_CVC = re.compile("^" + _C + _v + r"[^aeiouwxy]\Z")

_STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

_BEYOND_BASIC_PLANE = re.compile("[\U00010000-\U0010ffff]")


def stem(word: str) -> str:
    """The stem lunr.stemmer gives `word`: "days" -> "day", "policing" -> "polic", "try" -> "tri"."""
    if _BEYOND_BASIC_PLANE.search(word):
        units = word.encode("utf-16-le", "surrogatepass")
        as_units = "".join(chr(int.from_bytes(units[i : i + 2], "little")) for i in range(0, len(units), 2))
        return _porter(as_units).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return _porter(word)


def _porter(w: str) -> str:
    """lunr.js's porterStemmer, step for step; `w` holds one character per UTF-16 code unit."""
    if len(w) < 3:
        return w
    firstch = w[0]
    if firstch == "y":  # an initial y is a consonant: upper case keeps it out of the vowel classes
        w = "Y" + w[1:]

    # Step 1a
    if m := _1A.match(w):
        w = m[1] + m[2]
    elif m := _1A_2.match(w):
        w = m[1] + m[2]

    # Step 1b
    if m := _1B.match(w):
        if _MGR0.match(m[1]):
            w = _LAST.sub("", w, count=1)
    elif m := _1B_2.match(w):
        stem_ = m[1]
        if _S_V.match(stem_):
            w = stem_
            if _1B_ADD_E.search(w):
                w += "e"
            elif _1B_DOUBLE.search(w):
                w = _LAST.sub("", w, count=1)
            elif _1B_CVC.match(w):
                w += "e"

    # Step 1c: a final y after a consonant becomes i ("cry" -> "cri"); after a vowel it stays ("day")
    if m := _1C.match(w):
        w = m[1] + "i"

    # Step 2
    if (m := _2.match(w)) and _MGR0.match(m[1]):
        w = m[1] + _STEP2[m[2]]

    # Step 3
    if (m := _3.match(w)) and _MGR0.match(m[1]):
        w = m[1] + _STEP3[m[2]]

    # Step 4
    if m := _4.match(w):
        if _MGR1.match(m[1]):
            w = m[1]
    elif m := _4_2.match(w):
        if _MGR1.match(m[1] + m[2]):
            w = m[1] + m[2]

    # Step 5
    if m := _5.match(w):
        stem_ = m[1]
        if _MGR1.match(stem_) or (_MEQ1.match(stem_) and not _5_CVC.match(stem_)):
            w = stem_
    if _5_LL.search(w) and _MGR1.match(w):
        w = _LAST.sub("", w, count=1)

    if firstch == "y":
        w = "y" + w[1:]
    return w


# ------------------------------------------------------------------ the pipeline


def term(word: str) -> str | None:
    """The index term of one lower-case word, as lunr.js's trimmer, stop-word filter and stemmer make it,
    once `unpossessive`; None for a stop word, and for a word the trimmer leaves nothing of ("...", "–"),
    which the search page never looks up (lunr.js would keep an empty term)."""
    word = unpossessive(trim(word))
    if not word or word in STOP_WORDS:
        return None
    return stem(word)


def unpossessive(word: str) -> str:
    """A trimmed word with its apostrophes straight and without a final "'s": the minutes write
    "everyone's", "the ACC's" and "the 4P's" where a reader types "everyone", "ACC" and "4P", and
    a phone types "’" where a keyboard types "'". lunr.js has no such step: words.js takes the
    same one over what is typed."""
    word = word.replace("\u2019", "'")
    return trim(word[:-2]) if word.endswith("'s") else word


class Tokenizer:
    """Text to index terms: split at `separators`, lower-cased, each word made a term as `term` makes it.

    lunr splits text one character at a time and stems every occurrence of every word; minutes reuse
    a small vocabulary, so here words are split with one regular expression and each distinct word is
    made a term once (a word's term depends neither on where it stands nor on the field)."""

    def __init__(self, separators: str):
        self.words = re.compile(f"[^{re.escape(separators)}]+").findall
        self.known: dict[str, tuple[str, ...]] = {}  # word -> its terms: none or one

    def terms(self, word: str) -> tuple[str, ...]:
        """The terms of one lower-case word: none (a stop word, or nothing left once trimmed) or one."""
        terms = self.known.get(word)
        if terms is None:
            made = term(word)
            terms = self.known[word] = () if made is None else (made,)
        return terms

    def counts(self, text: str) -> dict[str, int]:
        """Each term of `text` with how often it occurs, in first-seen order (lunr numbers terms in that order)."""
        known = self.known
        counts: dict[str, int] = {}
        get = counts.get
        for word in self.words(text.lower()):
            terms = known.get(word)
            if terms is None:
                terms = self.terms(word)
            for made in terms:
                counts[made] = get(made, 0) + 1
        return counts
