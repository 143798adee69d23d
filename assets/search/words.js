/* Words: what was typed, read as the index was made, and the words of a document's text.
 *
 * `typedWords` gives the engine (engine.js) its ways of reading words: lunr's own trimmer,
 * stop-word filter and stemmer (the index was made with a port of them), the index's
 * separator, and whether the index holds a term, which throws Missing (scorer.js) while
 * the term's words file is not loaded. MAX_WORDS, MAX_EDIT_DISTANCE and PREFIX_FROM are engine.js's.
 */

function typedWords(lunr, data, opened) {
  var separator = new RegExp(data.separator);
  var stems = Object.create(null);
  var longest = typeof data.longest === "number" ? data.longest : Infinity;
  // "title:" and the like, as lunr's query language names the fields of the index.
  var FIELD_NAME = new RegExp("^(" + opened.fields.join("|") + "):", "i");
  var SPACED_FIELD = new RegExp("(^|\\s)(" + opened.fields.join("|") + "):\\s+", "gi"); // "title: roads"

  /* A word as the query language cannot misread it: lower case, without edge punctuation, its
   * apostrophes straight and without a final "'s", as the index holds it (terms.unpossessive):
   * "everyone's" and "everyone’s" are found by "everyone". */
  function trim(word) {
    var trimmed = lunr.trimmer(new lunr.Token(word.toLowerCase(), {})).toString().replace(/\u2019/g, "'");
    return /'s$/.test(trimmed) ? lunr.trimmer(new lunr.Token(trimmed.slice(0, -2), {})).toString() : trimmed;
  }

  /* The index term a trimmed word becomes; stop words included, as phrases need them. */
  function stemOf(word) {
    if (!(word in stems)) stems[word] = lunr.stemmer(new lunr.Token(word, {})).toString();
    return stems[word];
  }

  /* Stop words were left out of the index, so no query may require them. */
  function isStopWord(word) {
    return lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
  }

  /* Whether the index holds `term`; throws Missing while its words file is not loaded, asking for
   * its postings with it: the word a search looks up next is usually in the same range. */
  function inIndex(term) {
    var n = opened.numberOf(term);
    if (n === null) throw new Missing(opened.filesFor(term, true));
    return n >= 0;
  }

  /* Plain words: split as the index was; query-language characters are read as separators
   * unless the index holds the word with them ("10:00"). */
  function wordsOf(text) {
    var out = [];
    text.split(separator).forEach(function (piece) {
      // A field's name is not a word to look for, when lunr could not read the query.
      var word = trim(piece.replace(FIELD_NAME, "").replace(/\*/g, ""));
      if (!word) return;
      if (/[:^~+]/.test(word) && !inIndex(stemOf(word))) {
        word.split(/[:^~+]+/).map(trim).filter(Boolean).forEach(function (w) { out.push(w); });
      } else {
        out.push(word);
      }
    });
    return out;
  }

  /* What was typed: quoted phrases, loose words, and whether the last loose word is unfinished
   * (nothing after it yet, not even a space). An unclosed quote runs to the end. */
  function parse(text) {
    var phrases = [];
    // Quotes as a phone or a word processor types them make a phrase as straight ones do.
    var rest = text.replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"').replace(/"([^"]*)("|$)/g, function (_, inner) {
      var words = wordsOf(inner).slice(0, MAX_WORDS);
      if (words.length && phrases.length < MAX_WORDS) phrases.push(words);
      return " ";
    });
    // A loose word longer than any term, by more than a close spelling allows, can match nothing;
    // looking for its close spellings would take seconds, so it is passed over (and named, with
    // everything typed, in what the page says).
    var words = wordsOf(rest), kept = bounded(words.filter(function (w) { return !tooLong(w); }));
    // A word typed with its "'s" is whole: "ACC's" is not the beginning of "account".
    var typing = kept.length > 0 && /[^\s\-]$/.test(rest) && !/['\u2019]s$/i.test(rest);
    if (typing && kept.length > 1 && kept[kept.length - 1].length < PREFIX_FROM) {
      // The first letter of a next word ("Jones s") waits for the next: alone, it would match
      // nothing, and the words before it would be answered as found only in part.
      kept = kept.slice(0, -1);
      typing = false;
    }
    return { rest: rest, phrases: phrases, words: kept, overlong: words.filter(tooLong).length, typing: typing };
  }

  /* Each word once, and no more than MAX_WORDS of them: a query pasted a page long must still
   * answer at once, and what it asks beyond that many words changes little. */
  function bounded(words) {
    return words.filter(function (w, i) { return words.indexOf(w) === i; }).slice(0, MAX_WORDS);
  }

  function tooLong(word) {
    return word.length > longest + MAX_EDIT_DISTANCE && stemOf(word).length > longest + MAX_EDIT_DISTANCE;
  }

  function quoted(parsed) {
    return [].concat.apply([], parsed.phrases);
  }

  /* The words that say what is looked for: stop words are left out of the index. */
  function meaningful(parsed) {
    var seen = Object.create(null);
    return parsed.words.concat(quoted(parsed)).filter(function (w) {
      if (isStopWord(w) || seen[w]) return false;
      seen[w] = true;
      return true;
    });
  }

  /* Whether the index holds a word as typed, or, for the unfinished last word, a word it begins. */
  function held(word) {
    return inIndex(stemOf(word)) || inIndex(word);
  }

  /* Whether an index term is one of the words an unfinished word may become. */
  function begins(term, unfinished) {
    return term.indexOf(unfinished) === 0 || term.indexOf(stemOf(unfinished)) === 0;
  }

  /* Every word of `text` with where it stands (edge punctuation left out), and its term. */
  function tokensOf(text) {
    var out = [], split = new RegExp(data.separator, "g"), at = 0, match;
    function add(start, end) {
      var raw = text.slice(start, end), word = trim(raw);
      if (!word) return;
      // The place marked is the word as written, "'s" and all ("4P's"); one character for one: places hold.
      var lower = raw.toLowerCase().replace(/\u2019/g, "'");
      var written = lunr.trimmer(new lunr.Token(lower, {})).toString(), lead = lower.indexOf(written);
      out.push({ start: start + lead, end: start + lead + written.length, word: word, term: stemOf(word) });
    }
    while ((match = split.exec(text)) !== null) {
      if (match.index > at) add(at, match.index);
      at = match.index + match[0].length;
    }
    if (at < text.length) add(at, text.length);
    return out;
  }

  return {
    longest: longest, SPACED_FIELD: SPACED_FIELD, trim: trim, stemOf: stemOf, isStopWord: isStopWord, inIndex: inIndex,
    parse: parse, quoted: quoted, meaningful: meaningful, held: held, begins: begins, tokensOf: tokensOf
  };
}
