/* Minutebook search.
 *
 * search/index.js describes every meeting and document (minutebook/index.py).
 * The terms are in files by range of terms (search/words/), their postings in
 * files by year and range (search/terms/), each meeting's text in a file of its
 * own (search/text/). A search reads the terms it needs; when their files are
 * not loaded yet it says which files it is missing, and the page loads them as
 * scripts and asks again. For the words in the address, search-ahead.js has
 * asked for them before this script arrived.
 * `open` makes, from the files loaded, exactly the postings and BM25 scores
 * lunr.py would have built; `scorer` ranks them as lunr's Index.query would,
 * with lunr's own query parser, stemmer and TokenSet; createEngine answers
 * what was typed with results as plain data; apart from telling lunr where
 * words split, it changes nothing outside itself, and the tests run it under
 * node. The page code below it loads files, reads the form and the address and
 * draws the results.
 *
 * Every piece of text from the minutes goes into the page as a text node, never
 * as HTML, so "<script>" in the minutes shows as those characters. Nothing here
 * needs inline code or eval: the page works under
 * Content-Security-Policy: default-src 'self', and from disk.
 */
(function () {
  "use strict";

  var FUZZY_FROM = 4; // letters; a close spelling of a shorter word is usually just another word
  var MAX_EDIT_DISTANCE = 2; // lunr's fuzzy matching grows exponentially with the distance
  var MAX_WORDS = 10; // words (or clauses of lunr's query language) a search reads; the rest are passed over
  var MAX_EXPANSION = 64; // terms a wildcard or a close spelling may stand for in a search
  var PREFIX_FROM = 2; // letters typed before an unfinished last word is matched as a beginning
  var SNIPPET_LENGTH = 240; // characters
  var SNIPPET_LEAD = 70; // characters shown before the first highlighted word
  var PAGE_SIZE = 50; // results drawn at once; the rest on request
  var TOGETHER_AMONG = 10; // the results read to put first those where several words typed stand together
  // lunr's own query language: +word -word field:word word~1 word^10 wor*
  var SYNTAX = /(^|\s)[+\-]\S|\S:\S|[~^*]/;

  // ================================================================ the engine

  var K1 = 1.2, B = 0.75; // lunr's BM25 constants, as lunr.py's builder uses them

  /* Python's round(x, 3), which lunr.py applies to every score: the nearest of the
   * three-decimal numbers, ties to even. Far from a tie, rounding x * 1000 gives it
   * (the product's error is a millionth of what could matter); near one, toFixed
   * rounds the exact value but ties away from zero, and an exact tie is a number of
   * sixteenths with an odd top. */
  function round3(x) {
    var scaled = x * 1000;
    if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) return Math.round(scaled) / 1000;
    var sixteenths = x * 16;
    if (Number.isInteger(sixteenths) && sixteenths % 2 !== 0) {
      var below = scaled - 0.5; // exact for such x
      return (below % 2 === 0 ? below : below + 1) / 1000;
    }
    return Number(x.toFixed(3));
  }

  /* A words file's sorted terms, each written as the characters it shares with the one before and the rest. */
  function unpackTerms(packed) {
    var terms = [], previous = "";
    if (!packed) return terms;
    packed.split(" ").forEach(function (entry) {
      previous = previous.slice(0, +entry[0]) + entry.slice(1);
      terms.push(previous);
    });
    return terms;
  }

  /* Where a posting list's counts live: [field place, owner step, -count when more than one, owner step, ...]. */
  function eachOwner(listed, visit) {
    var owner = 0;
    for (var i = 1; i < listed.length; i++) {
      if (listed[i] < 0) continue;
      owner += listed[i];
      visit(owner, listed[i + 1] < 0 ? -listed[i + 1] : 1);
    }
  }

  /* What lunr's (Porter's) stemmer can take off the end of a word, as it stands in the word. Its rules
   * remove some endings outright; others they rewrite, in part or whole, into an ending a later rule
   * removes ("ational" becomes "ate", which goes; "enci" becomes "ence", whose "e" goes), and what stands
   * before such an ending may go with it ("ic" + "ation": "ication" becomes "icate", then "ic", then
   * nothing). One removal may follow another ("ent" + "ative" in "representative"). A final "i" of the
   * rules is a "y" in the word ("ability"), and an inflection may follow ("findings", "operating").
   * Worked out the first time a search needs them, not while the page opens. */
  var removedEndings = null;
  function removedEndingsOnce() {
    return removedEndings || (removedEndings = removedEndingsOf());
  }
  function removedEndingsOf() {
    var REWRITTEN = {
      ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble", alli: "al", entli: "ent",
      eli: "e", ousli: "ous", ization: "ize", ation: "ate", ator: "ate", alism: "al", iveness: "ive", fulness: "ful",
      ousness: "ous", aliti: "al", iviti: "ive", biliti: "ble", logi: "log", icate: "ic", alize: "al", iciti: "ic",
      ical: "ic", at: "ate", bl: "ble", iz: "ize" // the last three: what is left once "ed" or "ing" goes
    };
    var removed = ("al ance ence er ic able ible ant ement ment ent ion ou ism ate iti ous ive ize ative ful ness e").split(" ");
    function add(ending) { if (ending && removed.indexOf(ending) === -1) removed.push(ending); }
    for (var round = 0; round < 3; round++) { // each round follows one more rewriting
      Object.keys(REWRITTEN).forEach(function (ending) {
        var into = REWRITTEN[ending], same = 0;
        while (same < into.length && into[same] === ending[same]) same++;
        if (same < into.length && removed.indexOf(into.slice(same)) !== -1) add(ending.slice(same)); // "enci": "i"
        if (same === into.length) add(ending.slice(same)); // "logi" becomes "log": "i" goes
        removed.slice().forEach(function (gone) {
          if (gone.length >= into.length && gone.slice(gone.length - into.length) === into) add(gone.slice(0, gone.length - into.length) + ending);
          if (gone.length < into.length && into.slice(-gone.length) === gone && ending.lastIndexOf(into.slice(0, -gone.length), 0) === 0) {
            add(ending.slice(into.length - gone.length)); // "tional" becomes "tion", whose "ion" goes: "ional"
          }
        });
      });
    }
    removed.slice().forEach(function (ending) { if (ending.slice(-1) === "i") add(ending.slice(0, -1) + "y"); });
    return [""].concat(removed);
  }
  var INFLECTIONS = ["", "s", "es", "d", "ed", "ing", "ings", "ies", "ied", "ly"];

  /* Whether `part` and what is left of a cut, `rest`, could line up: one begins the other. */
  function fits(part, rest) { return part.lastIndexOf(rest, 0) === 0 || rest.lastIndexOf(part, 0) === 0; }

  /* Whether some word `kept` + `doubled` + an ending that begins with `cut` stems to `kept`: an ending is
   * one or two of the removed endings and an inflection. Parts that cannot line up with the cut are never
   * tried, so few words go through the stemmer (`stem`). */
  function stemsTo(kept, doubled, cut, stem) {
    var endings = removedEndingsOnce();
    for (var i = 0; i < endings.length; i++) {
      var first = endings[i];
      if (!fits(first, cut)) continue;
      var afterFirst = cut.slice(Math.min(first.length, cut.length));
      for (var j = 0; j < endings.length; j++) {
        if (afterFirst && !fits(endings[j], afterFirst)) continue;
        for (var k = 0; k < INFLECTIONS.length; k++) {
          var ending = first + endings[j] + INFLECTIONS[k];
          if ((ending || doubled) && ending.lastIndexOf(cut, 0) === 0 && stem(kept + doubled + ending) === kept) return true;
        }
      }
    }
    return false;
  }

  /* The stems shorter than `typed` (of at least `from` letters, and held by the index: `isTerm`) that a
   * word beginning with it can have: "operati" may become "operational", held as "oper". "child" is not
   * among them for "children", so no document with "child" is read to find out. */
  function shorterStems(typed, from, stem, isTerm) {
    var out = [];
    for (var n = from; n < typed.length; n++) {
      var kept = typed.slice(0, n), cut = typed.slice(n);
      if (!isTerm(kept)) continue;
      // A doubled last letter goes too: "hopping" is held as "hop", "controlling" as "control".
      if (stemsTo(kept, "", cut, stem) || (cut[0] === kept.slice(-1) && stemsTo(kept, cut[0], cut.slice(1), stem))) out.push(kept);
    }
    return out;
  }

  var RANGE_SPAN = 1 << 20; // a term's number is its range times this, plus its place among the range's words

  // How the files are named, and which range a term is in: search-ahead.js's, loaded first.
  var naming = (typeof module === "object" && module.exports ? require("./search-ahead.js") : window.MINUTEBOOK_SEARCH_FILES) || {};
  var rangeIn = naming.rangeIn, wordsFile = naming.wordsFile, termsName = naming.termsName, termsFile = naming.termsFile;

  /* The archive as search/index.js describes it, and the parts of lunr's index made from the words and
   * term files loaded so far (`files.words` by range, `files.terms` by "<year>-<range>"). Terms are
   * numbered so that numbers sort as the terms do, which is the order lunr.py adds up a score in; a
   * term's postings are made when a search first reads it, and only once every year's file of its
   * range is there, so that each of its scores (`weight`) is the one lunr.py's builder gives. */
  function open(data, files) {
    var fields = data.fields.map(function (f) { return f[0]; });
    var FIELD = {};
    fields.forEach(function (name, f) { FIELD[name] = f; });
    var meetingFields = ["meeting", "year", "type"].map(function (name) { return FIELD[name]; });
    var docFields = ["title", "people", "text"].map(function (name) { return FIELD[name]; });
    var words = []; // range -> its sorted terms, once its file is loaded

    // Plain loops below, not forEach: this runs once per page, before the code is optimised, over
    // every document, and the page waits for it. So it makes only what every search needs; a
    // document's themes and lengths are read from its entry when a search first asks for them.
    var itemCount = 0, place, ref, i;
    for (place = 0; place < data.meetings.length; place++) itemCount += data.meetings[place][6];
    var meetings = new Array(data.meetings.length), docs = new Array(data.docs.length), items = 0, actions = itemCount;
    for (place = 0; place < data.meetings.length; place++) {
      var row = data.meetings[place];
      var m = meetings[place] = { id: row[0], t: row[1], d: row[2], dl: row[3], y: row[4], ty: row[5], items: [items, items + row[6]], actions: [actions, actions + row[7]], lengths: row.slice(8) };
      for (ref = m.items[0]; ref < m.items[1]; ref++) docs[ref] = { k: "item", m: place, local: ref - m.items[0], th: null };
      for (ref = m.actions[0]; ref < m.actions[1]; ref++) docs[ref] = { k: "action", m: place, local: ref - m.actions[0], th: null };
      items += row[6];
      actions += row[7];
    }
    var themeLength = {}, themeTerms = new Map(), withTheme = null;
    Object.keys(data.themes).forEach(function (slug) {
      var w = data.themes[slug].w, length = 0;
      for (var i = 0; i < w.length; i++) {
        if (typeof w[i] === "number") continue;
        var count = typeof w[i + 1] === "number" ? w[i + 1] : 1;
        length += count;
        if (!themeTerms.has(w[i])) themeTerms.set(w[i], []);
        themeTerms.get(w[i]).push([slug, count]);
      }
      themeLength[slug] = length;
    });
    var placeLength = data.themeOrder.map(function (slug) { return themeLength[slug] || 0; }); // by theme place

    /* The themes field's length in a document (its entry in search/index.js): its themes' names, in terms. */
    function themesLength(entry) {
      var length = 0;
      for (var i = docFields.length; i < entry.length; i++) length += placeLength[entry[i]];
      return length;
    }

    // Each field's length over all documents, for BM25's average. Lengths are whole numbers, so the
    // sums are exact in any order.
    var totals = fields.map(function () { return 0; });
    for (place = 0; place < meetings.length; place++) {
      var counted = meetings[place], shared = counted.lengths;
      var inMeeting = counted.items[1] - counted.items[0] + counted.actions[1] - counted.actions[0];
      for (i = 0; i < meetingFields.length; i++) totals[meetingFields[i]] += shared[i] * inMeeting;
    }
    for (ref = 0; ref < docs.length; ref++) {
      var entry = data.docs[ref];
      for (i = 0; i < docFields.length; i++) totals[docFields[i]] += entry[i];
      totals[FIELD.themes] += themesLength(entry);
    }
    var average = totals.map(function (total) { return total / docs.length; });

    /* A document's theme slugs. */
    function themesOf(ref) {
      var doc = docs[ref];
      if (!doc.th) doc.th = data.docs[ref].slice(docFields.length).map(function (p) { return data.themeOrder[p]; });
      return doc.th;
    }

    /* Field `f`'s length in document `ref`, in terms. */
    function lengthOf(ref, f) {
      var entry = data.docs[ref], at = docFields.indexOf(f);
      if (at !== -1) return entry[at];
      if (f !== FIELD.themes) return meetings[docs[ref].m].lengths[meetingFields.indexOf(f)];
      return themesLength(entry);
    }

    /* The documents with each theme, by slug: made the first time a search reads a theme's term. */
    function documentsWithTheme() {
      if (!withTheme) {
        withTheme = {};
        Object.keys(data.themes).forEach(function (slug) { withTheme[slug] = []; });
        var byPlace = data.themeOrder.map(function (slug) { return withTheme[slug]; });
        for (var ref = 0; ref < docs.length; ref++) {
          var entry = data.docs[ref];
          for (var i = docFields.length; i < entry.length; i++) if (byPlace[entry[i]]) byPlace[entry[i]].push(ref);
        }
      }
      return withTheme;
    }

    var firstOfYear = data.years.map(function (y) { return y[1]; }); // the place of each year's first meeting

    /* A meeting's document as the term files number them: its items, then its actions. */
    function docOf(m, local) {
      var items = m.items[1] - m.items[0];
      return local < items ? m.items[0] + local : m.actions[0] + local - items;
    }

    function rangeOf(term) { return rangeIn(data.ranges, term); }

    /* The term files a term's postings are in: one per year. */
    function filesOf(term) {
      var range = rangeOf(term);
      return data.years.map(function (y) { return termsName(y[0], range); });
    }

    /* A range's sorted terms, or null while its words file is not loaded. */
    function wordsIn(range) {
      if (!words[range]) {
        if (files.words[range] === undefined) return null;
        words[range] = unpackTerms(files.words[range]);
      }
      return words[range];
    }

    /* Where `term` is or would be among its range's sorted terms. */
    function placeOf(list, term) {
      var low = 0, high = list.length;
      while (low < high) {
        var mid = (low + high) >> 1;
        if (list[mid] < term) low = mid + 1; else high = mid;
      }
      return low;
    }

    /* A term's number; -1 if the index does not hold it, null while its words file is not loaded. */
    function numberOf(term) {
      var range = rangeOf(term), list = wordsIn(range);
      if (!list) return null;
      var place = placeOf(list, term);
      return list[place] === term ? range * RANGE_SPAN + place : -1;
    }

    function termAt(n) { return words[Math.floor(n / RANGE_SPAN)][n % RANGE_SPAN]; }

    /* The files, as paths from the site root, that reading `term` needs and that are not loaded:
     * its range's words and, with `postings`, every year's postings of the range. */
    function filesFor(term, postings) {
      var range = rangeOf(term), out = [];
      if (files.words[range] === undefined) out.push(wordsFile(range));
      if (postings) {
        filesOf(term).forEach(function (name) { if (!files.terms[name]) out.push(termsFile(name)); });
      }
      return out;
    }

    /* The ranges whose terms may begin with `prefix` (every one, for ""). */
    function rangesOf(prefix) {
      var out = [];
      for (var r = rangeOf(prefix); r <= rangeOf(prefix + "\uffff"); r++) out.push(r);
      return out;
    }

    var read = new Map(); // term number -> {counts: [Map ref -> count], idf, refs: [sorted refs, by field, once asked for]}

    /* A term's postings and idf, or null while one of its files has not been loaded. */
    function termOf(n) {
      if (read.has(n)) return read.get(n);
      var term = termAt(n), names = filesOf(term);
      if (!names.every(function (name) { return files.terms[name]; })) return null;
      var counts = fields.map(function () { return new Map(); });
      function add(f, ref, count) { counts[f].set(ref, (counts[f].get(ref) || 0) + count); }
      names.forEach(function (name, y) {
        files.terms[name].forEach(function (inMeeting, i) {
          var m = meetings[firstOfYear[y] + i];
          (inMeeting[term] || []).forEach(function (listed) {
            var f = listed[0];
            eachOwner(listed, function (local, count) {
              if (meetingFields.indexOf(f) === -1) return add(f, docOf(m, local), count);
              for (var ref = m.items[0]; ref < m.items[1]; ref++) add(f, ref, count);
              for (ref = m.actions[0]; ref < m.actions[1]; ref++) add(f, ref, count);
            });
          });
        });
      });
      (themeTerms.get(term) || []).forEach(function (pair) {
        documentsWithTheme()[pair[0]].forEach(function (ref) { add(FIELD.themes, ref, pair[1]); });
      });
      // lunr counts a document once for each field the term is in.
      var withTerm = 0;
      counts.forEach(function (byRef) { withTerm += byRef.size; });
      var x = (docs.length - withTerm + 0.5) / (withTerm + 0.5);
      var made = { counts: counts, idf: Math.log(1 + Math.abs(x)), refs: [] };
      read.set(n, made);
      return made;
    }

    /* The documents whose field `f` holds term `n` (read), smallest first, as lunr goes through a
     * posting (its keys are document numbers, which JavaScript lists in that order). */
    function refsOf(n, f) {
      var made = read.get(n);
      if (!made.refs[f]) made.refs[f] = Array.from(made.counts[f].keys()).sort(function (a, b) { return a - b; });
      return made.refs[f];
    }

    // By field and document: BM25's length normalisation, once worked out (never 0, as B < 1).
    var norms = fields.map(function () { return new Float64Array(docs.length); });

    /* Term `n`'s element in field `f`'s vector of document `ref`: its BM25 score, as lunr.py's Builder.build
     * works it out, step by step in the same order, so the rounding comes out the same. */
    function weight(n, f, ref) {
      var made = read.get(n), tf = made.counts[f].get(ref), norm = norms[f][ref];
      if (norm === 0) norm = norms[f][ref] = K1 * (1 - B + B * (lengthOf(ref, f) / average[f]));
      var score = made.idf * ((K1 + 1) * tf) / (norm + tf);
      score *= data.fields[f][1];
      score *= docs[ref].k === "action" ? data.actionBoost : 1;
      return round3(score);
    }

    return {
      version: data.version, fields: fields, docs: docs, meetings: meetings, ranges: data.ranges.length, themesOf: themesOf,
      filesFor: filesFor, wordsIn: wordsIn, placeOf: placeOf, rangesOf: rangesOf,
      numberOf: numberOf, termAt: termAt, termOf: termOf, refsOf: refsOf, weight: weight
    };
  }

  /* lunr's serialised index of the whole archive, with every term file loaded, written with terms in place
   * of their numbers (which lunr leaves to the builder): the tests hold it equal to lunr.py's. */
  function serialise(opened) {
    var numbers = [];
    for (var r = 0; r < opened.ranges; r++) opened.wordsIn(r).forEach(function (term, place) { numbers.push(r * RANGE_SPAN + place); });
    var vectors = opened.fields.map(function () { return new Map(); }); // by field: ref -> [term, score, ...]
    var invertedIndex = numbers.map(function (n) { // in term order, so each vector's elements are too
      var term = opened.termAt(n), posting = {};
      opened.termOf(n);
      opened.fields.forEach(function (field, f) {
        var refs = {};
        opened.refsOf(n, f).forEach(function (ref) {
          refs[ref] = {};
          if (!vectors[f].has(ref)) vectors[f].set(ref, []);
          vectors[f].get(ref).push(term, opened.weight(n, f, ref));
        });
        posting[field] = refs;
      });
      return [term, posting];
    });
    var fieldVectors = [];
    opened.docs.forEach(function (doc, ref) {
      opened.fields.forEach(function (field, f) { fieldVectors.push([field + "/" + ref, vectors[f].get(ref) || []]); });
    });
    return { version: opened.version, fields: opened.fields, fieldVectors: fieldVectors, invertedIndex: invertedIndex };
  }

  /* What lunr's Index.query asks of its TokenSet: the terms a clause matches (`intersect(clause's set).toArray()`).
   * A plain word or a word with a trailing * is looked up in its range's sorted terms; anything else (close
   * spellings, a leading or inner *) goes to a real lunr.TokenSet of every term, made the first time one is
   * needed. Words files not loaded yet are recorded in `missing`, with the postings a plain word will need,
   * and nothing is found until they are. */
  function lookup(lunr, opened, missing, most) {
    var full = null;
    /* At most `most` of a clause's terms: the shortest, then in order. "p*" at 500 meetings is
     * thousands of terms, and scoring them all took most of a second; the shortest are the
     * words nearest to what was typed. */
    function fewest(terms) {
      if (terms.length <= most) return terms;
      return terms.slice().sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); }).slice(0, most)
        .sort(function (a, b) { return a < b ? -1 : 1; });
    }
    function wordOf(set) { // [word, whether it ends in *], or null if `set` is not one of those two shapes
      var word = "", node = set;
      for (;;) {
        var keys = Object.keys(node.edges);
        if (keys.length === 0) return node.final ? [word, false] : null;
        if (keys.length === 1 && keys[0] === "*" && node.edges["*"] === node && node.final) return [word, true];
        if (keys.length !== 1 || keys[0] === "*") return null;
        word += keys[0];
        node = node.edges[keys[0]];
      }
    }
    /* The loaded terms of `ranges`, or null (with their files recorded as missing) if any is not loaded. */
    function wordsOf(ranges) {
      var lists = ranges.map(opened.wordsIn);
      if (lists.every(Boolean)) return lists;
      ranges.forEach(function (r, i) { if (!lists[i]) missing.add(wordsFile(r)); });
      return null;
    }
    function beginning(prefix) { // every term that starts with `prefix`, in order, or null
      var ranges = opened.rangesOf(prefix), lists = wordsOf(ranges), out = [];
      if (!lists) {
        // Within one range, the word itself is likely to be there: its postings come with its words.
        if (ranges.length === 1) opened.filesFor(prefix, true).forEach(function (path) { missing.add(path); });
        return null;
      }
      lists.forEach(function (list) {
        for (var i = opened.placeOf(list, prefix); i < list.length && list[i].lastIndexOf(prefix, 0) === 0; i++) out.push(list[i]);
      });
      return out;
    }
    function found(terms) { return { toArray: function () { return terms || []; } }; }
    return {
      intersect: function (set) {
        var shape = wordOf(set);
        if (shape && shape[1]) { var begun = beginning(shape[0]); return found(begun && fewest(begun)); }
        if (shape) {
          var n = opened.numberOf(shape[0]);
          if (n === null) opened.filesFor(shape[0], true).forEach(function (path) { missing.add(path); });
          return found(n !== null && n >= 0 ? [shape[0]] : []);
        }
        if (!full) {
          var all = [];
          for (var r = 0; r < opened.ranges; r++) all.push(r);
          var lists = wordsOf(all);
          if (!lists) return found([]);
          var builder = new lunr.TokenSet.Builder();
          lists.forEach(function (list) { list.forEach(function (term) { builder.insert(term); }); });
          builder.finish();
          full = builder.root;
        }
        return found(fewest(full.intersect(set).toArray()));
      }
    };
  }

  /* Thrown when answering needs files not yet loaded; `files` lists them as paths from the site root. */
  function Missing(files) { this.files = files; }

  /* lunr.js 2.3.9's Index.query, over the postings `open` makes: the same clauses, expanded by the same
   * TokenSet, matched, required and prohibited as lunr does it, and each score the same sum in the same
   * order, so results and their order are lunr's to the last bit. What it leaves out are the objects lunr
   * makes for every document a term is in (a FieldRef, a MatchData, a Vector of the field): for a common
   * word that was most of a first search's 40 ms. Reading a term whose files are missing records them in
   * `missing` and finds nothing; the search is then run again once they are loaded.
   * Returns query(build): lunr's results, [{ref (a number), score, matchData: {metadata: {term: {}}}}]. */
  function scorer(lunr, opened, tokenSet, missing) {
    var fields = opened.fields, pipeline = lunr.Pipeline.load(["stemmer"]);
    var REQUIRED = lunr.Query.presence.REQUIRED, PROHIBITED = lunr.Query.presence.PROHIBITED;
    // lunr.Set.complete, the set of every document, here as null; other sets are Sets of refs.
    function intersect(a, b) {
      if (a === null) return b;
      if (b === null) return a;
      var out = new Set();
      a.forEach(function (ref) { if (b.has(ref)) out.add(ref); });
      return out;
    }
    function addAll(set, refs) { refs.forEach(function (ref) { set.add(ref); }); }

    return function query(build) {
      var q = new lunr.Query(fields);
      build.call(q, q);
      if (!q.clauses.length) return []; // lunr would read no clause as a query that only excludes
      var weights = fields.map(function () { return new Map(); }); // the query's vector per field: term number -> boost
      var required = [], prohibited = [];
      // By field and document, in arrays rather than Maps: a common word is in thousands of documents.
      var count = opened.docs.length;
      var pairs = [], seen = fields.map(function () { return new Uint8Array(count); }); // [field, ref] as lunr first meets each
      var metadata = new Array(count); // ref -> {term: {}}
      for (var i = 0; i < q.clauses.length; i++) {
        var clause = q.clauses[i], clauseMatches = new Set();
        var terms = clause.usePipeline ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
        for (var m = 0; m < terms.length; m++) {
          clause.term = terms[m];
          var expanded = tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray();
          if (expanded.length === 0 && clause.presence === REQUIRED) {
            clause.fields.forEach(function (field) { required[fields.indexOf(field)] = new Set(); });
            break;
          }
          for (var j = 0; j < expanded.length; j++) {
            var term = expanded[j], n = opened.numberOf(term), made = n === null ? null : opened.termOf(n);
            if (!made) opened.filesFor(term, true).forEach(function (path) { missing.add(path); });
            for (var k = 0; k < clause.fields.length; k++) {
              var f = fields.indexOf(clause.fields[k]), refs = made ? opened.refsOf(n, f) : [];
              if (clause.presence === REQUIRED) {
                addAll(clauseMatches, refs);
                if (required[f] === undefined) required[f] = null;
              }
              if (clause.presence === PROHIBITED) {
                addAll(prohibited[f] = prohibited[f] || new Set(), refs);
                continue;
              }
              weights[f].set(n, (weights[f].has(n) ? weights[f].get(n) : 0) + clause.boost);
              // lunr skips a term and field it has met before; meeting them again here changes nothing.
              for (var l = 0; l < refs.length; l++) {
                var ref = refs[l];
                if (!seen[f][ref]) { seen[f][ref] = 1; pairs.push(f, ref); }
                (metadata[ref] || (metadata[ref] = Object.create(null)))[term] = {};
              }
            }
          }
        }
        if (clause.presence === REQUIRED) {
          clause.fields.forEach(function (field) {
            var f = fields.indexOf(field);
            required[f] = intersect(required[f], clauseMatches);
          });
        }
      }
      if (missing.size) return [];

      var allRequired = null, allProhibited = new Set();
      fields.forEach(function (field, f) {
        if (required[f] !== undefined) allRequired = intersect(allRequired, required[f]);
        if (prohibited[f]) addAll(allProhibited, prohibited[f]);
      });
      if (q.isNegated()) { // every field of every document, scored 0
        pairs = [];
        opened.docs.forEach(function (doc, ref) { fields.forEach(function (field, f) { pairs.push(f, ref); }); });
      }

      // Each field's dot products, adding term by term in term order as lunr.Vector.dot does,
      // and the query vector's magnitude, squares added in that order too.
      var dots = fields.map(function () { return new Float64Array(count); }), magnitudes = [];
      weights.forEach(function (boosts, f) {
        var numbers = Array.from(boosts.keys()).sort(function (a, b) { return a - b; }), squares = 0;
        numbers.forEach(function (n) {
          var boost = boosts.get(n);
          squares += boost * boost;
          var refs = opened.refsOf(n, f), dot = dots[f];
          for (var r = 0; r < refs.length; r++) dot[refs[r]] += boost * opened.weight(n, f, refs[r]);
        });
        magnitudes[f] = Math.sqrt(squares);
      });

      var results = [], byRef = new Array(count);
      for (var p = 0; p < pairs.length; p += 2) {
        var field = pairs[p], doc = pairs[p + 1];
        if (allRequired !== null && !allRequired.has(doc)) continue;
        if (allProhibited.has(doc)) continue;
        var score = dots[field][doc] / magnitudes[field] || 0, match = byRef[doc];
        if (match) match.score += score;
        else {
          match = { ref: doc, score: score, matchData: { metadata: metadata[doc] || Object.create(null) } };
          byRef[doc] = match;
          results.push(match);
        }
      }
      return results.sort(function (a, b) { return b.score - a.score; });
    };
  }

  /* `files` is where the words, term and text files put their data as they load: {words: {...}, terms: {...}, texts: {...}}. */
  function createEngine(lunr, data, files) {
    var separator = new RegExp(data.separator);
    // Queries, and lunr's query language, must split words where the index builder did.
    lunr.tokenizer.separator = separator;
    lunr.QueryLexer.termSeparator = separator;

    var opened = open(data, files);
    var missing = new Set();
    var docs = opened.docs, meetings = opened.meetings, themeNames = {};
    Object.keys(data.themes).forEach(function (slug) { themeNames[slug] = data.themes[slug].n; });
    // The page's searches expand a clause to at most MAX_EXPANSION terms; lunr's own, as the tests
    // hold it to lunr.js, to every term it matches.
    var score = scorer(lunr, opened, lookup(lunr, opened, missing, MAX_EXPANSION), missing);
    var scoreAsLunr = scorer(lunr, opened, lookup(lunr, opened, missing, Infinity), missing);

    /* What a search scores with, or Missing when a term it read is in a file not yet loaded. */
    function query(build) {
      return answered(score(build));
    }

    /* lunr's Index.query, every term a clause matches included. */
    function queryAsLunr(build) {
      return answered(scoreAsLunr(build));
    }

    function answered(results) {
      if (missing.size) {
        var files = Array.from(missing);
        missing.clear();
        throw new Missing(files);
      }
      return results;
    }

    /* A document with what its meeting's text file says of it, or null while that file is missing. */
    function textOf(ref) {
      var doc = docs[ref], stored = files.texts[meetings[doc.m].id];
      if (!stored) return null;
      var entry = stored[doc.k === "item" ? "items" : "actions"][doc.local];
      return { k: doc.k, m: doc.m, th: opened.themesOf(ref), n: entry.n, t: entry.t, u: entry.u, x: entry.x, p: entry.p, a: entry.a, it: entry.it, s: entry.s };
    }

    function textFile(ref) { return "search/text/" + meetings[docs[ref].m].id + ".js"; }

    /* The text files that `refs` need and that are not loaded, each once. */
    function textsNeeded(refs) {
      var out = [];
      refs.forEach(function (ref) {
        var name = textFile(ref);
        if (!files.texts[meetings[docs[ref].m].id] && out.indexOf(name) === -1) out.push(name);
      });
      return out;
    }

    /* Throws Missing unless every one of `refs` has its text. */
    function needTexts(refs) {
      var needed = textsNeeded(refs);
      if (needed.length) throw new Missing(needed);
    }

    var REQUIRED = lunr.Query.presence.REQUIRED, TRAILING = lunr.Query.wildcard.TRAILING;
    var stems = Object.create(null), docTokens = [];
    var longest = typeof data.longest === "number" ? data.longest : Infinity;
    var FIELD = { title: 0, itemTitle: 1, text: 2, meeting: 3, people: 4, themes: 5 };
    // "title:" and the like, as lunr's query language names the fields of the index.
    var FIELD_NAME = new RegExp("^(" + opened.fields.join("|") + "):", "i");
    var SPACED_FIELD = new RegExp("(^|\\s)(" + opened.fields.join("|") + "):\\s+", "gi"); // "title: roads"

    /* A word as the query language cannot misread it: lower case, without edge punctuation. */
    function trim(word) {
      return lunr.trimmer(new lunr.Token(word.toLowerCase(), {})).toString();
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
      var rest = text.replace(/"([^"]*)("|$)/g, function (_, inner) {
        var words = wordsOf(inner).slice(0, MAX_WORDS);
        if (words.length && phrases.length < MAX_WORDS) phrases.push(words);
        return " ";
      });
      // A loose word longer than any term, by more than a close spelling allows, can match nothing;
      // looking for its close spellings would take seconds, so it is passed over (and named, with
      // everything typed, in what the page says).
      var words = wordsOf(rest), kept = bounded(words.filter(function (w) { return !tooLong(w); }));
      return { rest: rest, phrases: phrases, words: kept, overlong: words.length - kept.length, typing: kept.length > 0 && /[^\s\-]$/.test(rest) };
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

    // ------------------------------------------------------------ the words of each document

    /* The searchable text of a document, in the order of FIELD. */
    function fieldsOf(doc) {
      var m = meetings[doc.m];
      return [doc.t, doc.it || "", doc.x, m.t, doc.p.join("; "), doc.th.map(function (t) { return themeNames[t] || t; }).join("; ")];
    }

    /* Every word of `text` with where it stands (edge punctuation left out), and its term. */
    function tokensOf(text) {
      var out = [], split = new RegExp(data.separator, "g"), at = 0, match;
      function add(start, end) {
        var raw = text.slice(start, end), word = trim(raw);
        if (!word) return;
        var lead = raw.toLowerCase().indexOf(word);
        out.push({ start: start + lead, end: start + lead + word.length, word: word, term: stemOf(word) });
      }
      while ((match = split.exec(text)) !== null) {
        if (match.index > at) add(at, match.index);
        at = match.index + match[0].length;
      }
      if (at < text.length) add(at, text.length);
      return out;
    }

    function fieldTokens(ref) {
      if (!docTokens[ref]) {
        var doc = textOf(ref);
        if (!doc) throw new Missing([textFile(ref)]);
        docTokens[ref] = fieldsOf(doc).map(tokensOf);
      }
      return docTokens[ref];
    }

    /* Where in `tokens` the phrase's words stand together, as [first, last] token positions. */
    function phraseAt(tokens, phrase) {
      var terms = phrase.map(stemOf), found = [];
      for (var i = 0; i + terms.length <= tokens.length; i++) {
        var j = 0;
        while (j < terms.length && tokens[i + j].term === terms[j]) j++;
        if (j === terms.length) found.push([i, i + j - 1]);
      }
      return found;
    }

    function hasPhrase(ref, phrase) {
      return fieldTokens(ref).some(function (tokens) { return phraseAt(tokens, phrase).length > 0; });
    }

    // ------------------------------------------------------------ the three ways of searching

    /* Every word must match; an unfinished last word also matches the words it begins. */
    function exact(parsed) {
      var words = parsed.words.slice(), last = parsed.typing ? words.pop() : null;
      if (last !== null && last.length < PREFIX_FROM) { words.push(last); last = null; }
      var required = words.concat(quoted(parsed)).filter(function (w) { return !isStopWord(w); }).map(stemOf);
      if (!required.length && last === null) return [];
      // A stem can be shorter than what is typed so far: "operati" is on its way to "operational",
      // which the index holds as "oper". Such a stem matches as the finished word will: lunr gives
      // "operational" every document with "oper". Checking each one's words for "operati" instead
      // read the text of hundreds of meetings on that keystroke, to take out the few the word, once
      // finished, would find anyway.
      var shorter = last === null ? [] : shorterStems(last, 3, stemOf, inIndex);
      var results = query(function (q) {
        required.forEach(function (term) { q.term(term, { usePipeline: false, presence: REQUIRED }); });
        if (last === null) return;
        var term = stemOf(last);
        // The whole word ranks above words it only begins.
        if (!isStopWord(last)) q.term(term, { usePipeline: false, boost: 10 });
        q.term(last, { usePipeline: false, wildcard: TRAILING });
        if (term !== last) q.term(term, { usePipeline: false, wildcard: TRAILING });
        shorter.forEach(function (stem) { q.term(stem, { usePipeline: false }); });
      });
      if (last === null) return results;
      // The other words are required; the unfinished one must match too, by a word it begins or a shorter stem.
      function matchedLast(t) { return begins(t, last) || shorter.indexOf(t) !== -1; }
      return results.filter(function (r) { return Object.keys(r.matchData.metadata).some(matchedLast); });
    }

    /* Whether an index term is one of the words an unfinished word may become. */
    function begins(term, unfinished) {
      return term.indexOf(unfinished) === 0 || term.indexOf(stemOf(unfinished)) === 0;
    }

    /* Close spellings of the loose words; words in quotes are meant as written. */
    function fuzzy(parsed) {
      var clauses = [];
      parsed.words.forEach(function (w) {
        if (isStopWord(w)) return;
        var term = stemOf(w), clause = { usePipeline: false, presence: REQUIRED };
        if (term.length >= FUZZY_FROM) clause.editDistance = term.length > 6 ? 2 : 1;
        clauses.push([term, clause]);
      });
      quoted(parsed).forEach(function (w) {
        if (!isStopWord(w)) clauses.push([stemOf(w), { usePipeline: false, presence: REQUIRED }]);
      });
      if (!clauses.some(function (c) { return c[1].editDistance; })) return [];
      return query(function (q) {
        clauses.forEach(function (c) { q.term(c[0], c[1]); });
      });
    }

    /* lunr's own query language, as its documentation describes; throws lunr.QueryParseError. */
    function withSyntax(text) {
      return query(function (q) {
        new lunr.QueryParser(text, q).parse();
        // Each clause once, and at most MAX_WORDS: "* * *..." pasted long expanded every term each time.
        var seen = Object.create(null);
        q.clauses = q.clauses.filter(function (c) {
          var key = JSON.stringify([c.term, c.fields, c.presence, c.editDistance, c.wildcard, c.boost]);
          return seen[key] ? false : (seen[key] = true);
        }).slice(0, MAX_WORDS);
        q.clauses.forEach(function (c) {
          if (c.editDistance > MAX_EDIT_DISTANCE) c.editDistance = MAX_EDIT_DISTANCE;
          if (c.term.length > longest + c.editDistance) c.editDistance = 0; // it can match nothing anyway
        });
      });
    }

    // ------------------------------------------------------------ filters

    function passes(ref, filters) {
      var doc = docs[ref], m = meetings[doc.m];
      return (!filters.year || m.y === filters.year) && (!filters.type || m.ty === filters.type) &&
        (!filters.kind || doc.k === filters.kind) && (!filters.theme || opened.themesOf(ref).indexOf(filters.theme) !== -1);
    }

    function filtering(filters) {
      return Object.keys(filters || {}).some(function (k) { return filters[k]; });
    }

    /* Newest meeting first; within a meeting, items in agenda order, then actions. */
    function browse(filters) {
      var refs = [];
      docs.forEach(function (doc, ref) { if (passes(ref, filters)) refs.push(ref); });
      refs.sort(function (a, b) {
        return docs[b].m - docs[a].m || (docs[a].k === "item" ? 0 : 1) - (docs[b].k === "item" ? 0 : 1) || a - b;
      });
      return refs.map(function (ref) { return { ref: ref, score: 0, terms: [] }; });
    }

    /* Everything a results list needs: {mode, words, phrases, results, unfiltered, people, also, order}.
     * mode: "idle" (nothing asked), "browse" (filters only), "common" (only words too common to
     * search for), "words", "fuzzy" (close spellings, as nothing matched exactly), "some" (no
     * document holds every word: those with most of them) or "syntax" (lunr's query language).
     * people: the people whose name was asked for, whose pages come first; also: the abbreviations
     * and expansions searched for beside what was typed. order: "" (relevance), "newest", "oldest". */
    function search(text, filters, order) {
      try {
        return searchLoaded(text, filters, order);
      } catch (e) {
        if (e instanceof Missing) return { missing: e.files };
        throw e;
      }
    }

    function searchLoaded(text, filters, order) {
      filters = filters || {};
      order = order === "newest" || order === "oldest" ? order : "";
      text = (text || "").replace(SPACED_FIELD, "$1$2:");
      var parsed = parse(text), mode = "words", found = null, also = [], people = [];
      if (!text.trim()) {
        var listed = sorted(filtering(filters) ? browse(filters) : [], order || "newest");
        return { mode: filtering(filters) ? "browse" : "idle", words: [], phrases: [], results: listed, unfiltered: listed.length, people: [], also: [], order: order };
      }
      var syntax = SYNTAX.test(parsed.rest);
      if (!syntax && !meaningful(parsed).length) {
        return { mode: parsed.overlong ? "words" : "common", words: parsed.words, phrases: parsed.phrases, results: [], unfiltered: 0, people: [], also: [], order: order };
      }
      if (syntax && /^[\s*]*$/.test(parsed.rest) && !parsed.phrases.length) {
        // "*" alone matches every document equally: listing them needs no scoring of every term,
        // which took most of a second at 500 meetings.
        var listed = browse(filters);
        return { mode: "syntax", words: [], phrases: [], results: sorted(listed, order), unfiltered: docs.length, people: [], also: [], order: order };
      }
      if (syntax) {
        try {
          // Quoted words are required here; that they stand together is checked below.
          found = withSyntax([parsed.rest].concat(quoted(parsed).filter(function (w) {
            return !isStopWord(w) && !/[:^~+*\-\\]/.test(w);
          }).map(function (w) { return "+" + w; })).join(" "));
          mode = "syntax";
        } catch (e) {
          if (!(e instanceof lunr.QueryParseError)) throw e;
          found = null; // broken syntax: search for the words in it
        }
      }
      if (found === null) {
        people = filtering(filters) ? [] : peopleNamed(parsed);
        found = exact(parsed);
        abbreviated(parsed).forEach(function (other) {
          var more = exact(other.parsed);
          if (more.length) also.push(other.shown);
          found = other.specific ? best(found, more) : merged(found, more);
        });
        if (parsed.phrases.length) found = withPhrases(found, parsed);
        else found = togetherFirst(found, parsed);
        if (!found.length) {
          // When every word is in the minutes, just never all together, close spellings of them
          // would only find other words: the documents with most of them answer better.
          var some = meaningful(parsed).length > 1 && meaningful(parsed).every(held);
          if (!some) {
            found = fuzzy(parsed);
            if (parsed.phrases.length) found = withPhrases(found, parsed);
            mode = found.length ? "fuzzy" : "words";
          }
          // Words in quotes are meant together, so only loose words may be left out.
          if (!found.length && !parsed.phrases.length && meaningful(parsed).length > 1) {
            found = partial(parsed);
            mode = found.length ? "some" : "words";
          }
        }
      } else if (parsed.phrases.length) {
        found = withPhrases(found, parsed);
      }
      var results = found.filter(function (r) { return passes(+r.ref, filters); }).map(function (r) {
        return { ref: +r.ref, score: r.score, terms: Object.keys(r.matchData.metadata), lacking: r.lacking || [] };
      });
      var unfinished = parsed.typing && (mode === "words" || mode === "some") ? parsed.words[parsed.words.length - 1] : "";
      return {
        mode: mode, words: parsed.words, phrases: parsed.phrases, unfinished: unfinished, results: sorted(results, order),
        unfiltered: found.length, people: people, also: also, order: order
      };
    }

    /* The best results reordered so that those where the words typed stand together, as typed, come
     * first ("internal survey" said as such, above "internal focus" and "staff survey" far apart).
     * Only the first few, whose texts the page is about to show anyway, are read for it. */
    function togetherFirst(found, parsed) {
      var words = parsed.typing ? parsed.words.slice(0, -1) : parsed.words;
      if (words.filter(function (w) { return !isStopWord(w); }).length < 2 || found.length < 2) return found;
      var top = found.slice(0, TOGETHER_AMONG);
      needTexts(top.map(function (r) { return +r.ref; }));
      var together = top.filter(function (r) { return hasPhrase(+r.ref, words); });
      if (!together.length || together.length === top.length) return found;
      return together.concat(top.filter(function (r) { return together.indexOf(r) === -1; }), found.slice(TOGETHER_AMONG));
    }

    /* Only the documents where each quoted phrase's words stand together. */
    function withPhrases(found, parsed) {
      needTexts(found.map(function (r) { return +r.ref; }));
      return found.filter(function (r) { return parsed.phrases.every(function (p) { return hasPhrase(+r.ref, p); }); });
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

    /* Results in meeting order, newest or oldest first (within a meeting, items in agenda order, then
     * actions), or as they are for relevance. */
    function sorted(results, order) {
      if (!order) return results;
      var sign = order === "newest" ? -1 : 1;
      return results.slice().sort(function (a, b) {
        return sign * (docs[a.ref].m - docs[b.ref].m) || (docs[a.ref].k === "item" ? 0 : 1) - (docs[b.ref].k === "item" ? 0 : 1) || a.ref - b.ref;
      });
    }

    /* Two result lists as one, by score: a document in both keeps its better score and every term it matched. */
    function best(first, second) {
      var top = new Map();
      first.concat(second).forEach(function (r) { top.set(r.ref, Math.max(r.score, top.has(r.ref) ? top.get(r.ref) : -Infinity)); });
      return merged(first, second).map(function (r) {
        return { ref: r.ref, score: top.get(r.ref), matchData: r.matchData };
      }).sort(function (a, b) { return b.score - a.score; });
    }

    /* What was typed, then what an expansion added: a document in both keeps its place
     * and score for what was typed, and every term it matched, so its snippet marks both. */
    function merged(typed, added) {
      if (!added.length) return typed;
      var byRef = new Map(), out = [];
      typed.concat(added).forEach(function (r) {
        var had = byRef.get(r.ref);
        if (had) return Object.assign(had.matchData.metadata, r.matchData.metadata);
        had = { ref: r.ref, score: r.score, matchData: { metadata: Object.assign(Object.create(null), r.matchData.metadata) } };
        byRef.set(r.ref, had);
        out.push(had);
      });
      return out;
    }

    /* Documents with any of the words, those with most of them first, then by score; each says
     * which words it lacks. */
    function partial(parsed) {
      var words = meaningful(parsed), last = parsed.typing ? parsed.words[parsed.words.length - 1] : null;
      var results = query(function (q) {
        words.forEach(function (w) {
          q.term(stemOf(w), { usePipeline: false });
          if (w === last && w.length >= PREFIX_FROM) q.term(w, { usePipeline: false, wildcard: TRAILING });
        });
      });
      results.forEach(function (r) {
        var terms = Object.keys(r.matchData.metadata);
        r.lacking = words.filter(function (w) {
          return !terms.some(function (t) { return t === stemOf(w) || (w === last && begins(t, w)); });
        });
      });
      return results.sort(function (a, b) { return a.lacking.length - b.lacking.length || b.score - a.score; });
    }

    // ------------------------------------------------------------ people and abbreviations

    var people = (data.people || []).map(function (p) {
      function words(text) { return tokensOf(text || "").map(function (t) { return t.word; }); }
      return { name: p[0], url: p[1], about: p[2], words: words(p[0]), roles: words(p[3]) };
    });

    /* The people asked for: every word typed is in their name (the last, while typed, as a beginning;
     * a long one also by a close spelling, "Tracy" for "Tracey") or in a role they held, and at least
     * one is in their name ("Chief Constable Pippa Mills"). Those named exactly come first. */
    function peopleNamed(parsed) {
      var words = meaningful(parsed), last = parsed.typing ? parsed.words[parsed.words.length - 1] : null;
      if (!words.length) return [];
      var found = [];
      people.forEach(function (person) {
        var named = 0, close = 0;
        var every = words.every(function (w) {
          if (person.words.some(function (n) { return n === w || stemOf(n) === stemOf(w) || (w === last && w.length >= PREFIX_FROM && n.indexOf(w) === 0); })) return ++named;
          if (w.length >= FUZZY_FROM && person.words.some(function (n) { return withinEdits(n, w, w.length > 6 ? 2 : 1); })) return ++named && ++close;
          return person.roles.some(function (r) { return r === w || stemOf(r) === stemOf(w); });
        });
        if (every && named) found.push({ person: person, close: close });
      });
      return found.sort(function (a, b) { return a.close - b.close; }).map(function (f) {
        return { name: f.person.name, url: f.person.url, about: f.person.about };
      });
    }

    /* Whether `a` becomes `b` with at most `most` letters added, removed or changed. */
    function withinEdits(a, b, most) {
      if (Math.abs(a.length - b.length) > most) return false;
      var row = [];
      for (var j = 0; j <= b.length; j++) row.push(j);
      for (var i = 1; i <= a.length; i++) {
        var diagonal = row[0], least = row[0] = i;
        for (j = 1; j <= b.length; j++) {
          var above = row[j];
          row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
          diagonal = above;
          least = Math.min(least, row[j]);
        }
        if (least > most) return false;
      }
      return row[b.length] <= most;
    }

    // Each abbreviation with the words of what it stands for; "KSIs" is the plural of "KSI".
    var glossary = (data.glossary || []).map(function (g) {
      return { abbreviation: g[0], expansion: g[1], word: trim(g[0]), words: tokensOf(g[1]).map(function (t) { return t.word; }) };
    });

    /* Searches that differ from what was typed by an abbreviation in place of what it stands for, or
     * the other way round: [{parsed, shown, specific}], shown as "ANPR (Automatic Number Plate Recognition)".
     * An abbreviation in place of its words is `specific`: what uses it is as good an answer as what was
     * typed. Words in place of an abbreviation are common words ("roads", "partnership"), so what they
     * find comes after what the abbreviation itself found. */
    function abbreviated(parsed) {
      var words = parsed.words, out = [], tried = Object.create(null);
      function add(changed, entry, specific) {
        var key = changed.join(" ");
        if (tried[key] || key === words.join(" ")) return;
        tried[key] = true;
        var typing = parsed.typing && changed[changed.length - 1] === words[words.length - 1];
        out.push({ parsed: { rest: changed.join(" "), phrases: parsed.phrases, words: changed, typing: typing }, shown: entry.abbreviation + " (" + entry.expansion + ")", specific: specific });
      }
      glossary.forEach(function (entry) {
        if (!entry.word || !entry.words.length) return;
        words.forEach(function (w, i) {
          if (w === entry.word || w === entry.word + "s") add(words.slice(0, i).concat(entry.words, words.slice(i + 1)), entry, false);
        });
        var at = placeOfWords(words, entry.words);
        if (at !== -1) add(words.slice(0, at).concat([entry.word], words.slice(at + entry.words.length)), entry, true);
      });
      return out;
    }

    /* Where `sought` stands in `words`, compared as index terms, or -1. */
    function placeOfWords(words, sought) {
      for (var i = 0; i + sought.length <= words.length; i++) {
        var j = 0;
        while (j < sought.length && stemOf(words[i + j]) === stemOf(sought[j])) j++;
        if (j === sought.length) return i;
      }
      return -1;
    }

    // ------------------------------------------------------------ what a result shows

    /* Pieces of `text` from `start` to `end`: [{text, mark}], marked where a matched word stands. */
    function pieces(text, tokens, marked, start, end) {
      var out = [], at = start;
      tokens.forEach(function (t, i) {
        if (!marked[i] || t.start < start || t.end > end) return;
        if (t.start > at) out.push({ text: text.slice(at, t.start), mark: false });
        out.push({ text: text.slice(t.start, t.end), mark: true });
        at = t.end;
      });
      if (end > at) out.push({ text: text.slice(at, end), mark: false });
      return out.map(function (p) { return { text: p.text.replace(/\s+/g, " "), mark: p.mark }; });
    }

    function markedTokens(tokens, terms, asked) {
      var phrases = asked.phrases || [], unfinished = asked.unfinished || "", matched = Object.create(null);
      terms.forEach(function (term) { matched[term] = true; });
      var marked = tokens.map(function (t) {
        if (!matched[t.term]) return false;
        // "operati" matched the stem "oper"; of the words with that stem, only "operational" begins "operati".
        var shorter = unfinished && unfinished.indexOf(t.term) === 0 && !begins(t.term, unfinished);
        return !shorter || t.word.indexOf(unfinished) === 0;
      });
      phrases.forEach(function (phrase) {
        phraseAt(tokens, phrase).forEach(function (span) {
          for (var i = span[0]; i <= span[1]; i++) marked[i] = true;
        });
      });
      return marked;
    }

    /* The stretch of text with the most different matched words, starting a little before them. */
    function snippet(text, tokens, marked) {
      // A window slid over the marked words, counting the different terms inside it.
      var at = [], best = -1, bestCount = 0, inside = new Map(), distinct = 0, right = 0;
      marked.forEach(function (m, i) { if (m) at.push(i); });
      at.forEach(function (i, k) {
        // The window always holds its first word, however long.
        for (; right < at.length && (right <= k || tokens[at[right]].end - tokens[i].start <= SNIPPET_LENGTH - SNIPPET_LEAD); right++) {
          var added = tokens[at[right]].term;
          inside.set(added, (inside.get(added) || 0) + 1);
          if (inside.get(added) === 1) distinct++;
        }
        if (distinct > bestCount) { best = i; bestCount = distinct; }
        var left = tokens[i].term;
        if (inside.has(left)) {
          inside.set(left, inside.get(left) - 1);
          if (inside.get(left) === 0) { inside.delete(left); distinct--; }
        }
      });
      var start = 0;
      if (best > 0) {
        var from = tokens[best].start - SNIPPET_LEAD, k = best;
        while (k > 0 && tokens[k - 1].start >= from) k--;
        start = tokens[k].start;
      }
      var end = text.length;
      if (end - start > SNIPPET_LENGTH) {
        var within = tokens.filter(function (t) { return t.start >= start && t.end <= start + SNIPPET_LENGTH; });
        end = within.length ? within[within.length - 1].end : start + SNIPPET_LENGTH;
      }
      var out = pieces(text, tokens, marked, start, end);
      if (start > 0) out.unshift({ text: "… ", mark: false });
      if (end < text.length) out.push({ text: " …", mark: false });
      return out;
    }

    /* A result as the page shows it: plain strings, and [{text, mark}] pieces to highlight. */
    function describe(result, asked) {
      asked = asked || {};
      var doc = textOf(result.ref), m = meetings[doc.m], fields = fieldsOf(doc), tokens = fieldTokens(result.ref);
      function marks(field) { return markedTokens(tokens[field], result.terms, asked); }
      function whole(field) { return pieces(fields[field], tokens[field], marks(field), 0, fields[field].length); }
      var people = whole(FIELD.people), text = marks(FIELD.text);
      // A name matched among the people named: the text names them by their role's abbreviation
      // ("The DCC said"), which is where the snippet should open.
      var called = Object.create(null);
      (doc.a || []).forEach(function (abbreviation, n) {
        if (abbreviation && namedPersonMarked(tokens[FIELD.people], fields[FIELD.people], n, marks(FIELD.people))) called[trim(abbreviation)] = true;
      });
      tokens[FIELD.text].forEach(function (t, i) { if (called[t.word]) text[i] = true; });
      return {
        ref: result.ref,
        kind: doc.k,
        url: doc.u,
        number: doc.n,
        title: whole(FIELD.title),
        itemTitle: whole(FIELD.itemTitle),
        status: doc.s || "",
        meeting: m.t,
        date: m.d,
        dateShown: m.dl,
        year: m.y,
        type: m.ty,
        minutes: (data.minutes || {})[m.id] || "approved",
        themes: doc.th.slice(),
        // Who was named matters when a search for a name or role matched them.
        people: people.some(function (p) { return p.mark; }) ? people : [],
        snippet: snippet(fields[FIELD.text], tokens[FIELD.text], text),
        lacking: result.lacking || []
      };
    }

    /* Whether a marked word stands in the `n`th person of a people field ("Name, role; Name, role"). */
    function namedPersonMarked(tokens, joined, n, marked) {
      var start = 0;
      for (var k = 0; k < n; k++) start = joined.indexOf("; ", start) + 2;
      var end = joined.indexOf("; ", start);
      if (end === -1) end = joined.length;
      return tokens.some(function (t, i) { return marked[i] && t.start >= start && t.end <= end; });
    }

    /* The text files that drawing `results` needs and that are not loaded yet. */
    function textsFor(results) {
      return textsNeeded(results.map(function (r) { return r.ref; }));
    }

    return { search: search, describe: describe, textsFor: textsFor, parse: parse, query: queryAsLunr, opened: opened };
  }

  // ================================================================ the page

  function startPage(document, window) {
    var form = document.getElementById("search-form");
    if (!form) return;
    var status = document.getElementById("search-status");
    var root = "../"; // the search page sits one folder below the site root
    function unavailable() {
      status.textContent = "Search could not be loaded. You can still browse the meetings by theme, year or person.";
      // Nothing more is coming for the search under way, so its list is no longer busy.
      document.getElementById("search-results").removeAttribute("aria-busy");
    }
    if (!window.MINUTEBOOK_SEARCH || !window.lunr || !window.MINUTEBOOK_SEARCH_FILES) return unavailable();
    var files = {
      words: window.MINUTEBOOK_SEARCH_WORDS = window.MINUTEBOOK_SEARCH_WORDS || {},
      terms: window.MINUTEBOOK_SEARCH_TERMS = window.MINUTEBOOK_SEARCH_TERMS || {},
      texts: window.MINUTEBOOK_SEARCH_TEXTS = window.MINUTEBOOK_SEARCH_TEXTS || {}
    };
    // The files for the words in the address have been on their way since search-ahead.js ran.
    var load = loader(document, root, window.MINUTEBOOK_SEARCH_AHEAD || {}, unavailable);
    begin(document, window, createEngine(window.lunr, window.MINUTEBOOK_SEARCH, files), load);
  }

  /* load(paths, ready): adds each file not yet asked for as a script (a fetch would be refused from
   * disk), all at once, and calls `ready` when every one of them has run. A file search-ahead.js
   * asked for (`ahead`: path -> its script, whose data-state says how it went) is waited for, not
   * asked for again. */
  function loader(document, root, ahead, failed) {
    var state = {}; // path -> the calls waiting for it, or true once it has run
    return function load(paths, ready) {
      var left = paths.length;
      function one() { if (--left === 0) ready(); }
      if (!left) return ready();
      paths.forEach(function (path) {
        if (state[path] === true) return one();
        if (state[path]) return state[path].push(one);
        state[path] = [one];
        var early = ahead[path], script = early || document.createElement("script");
        delete ahead[path]; // once: after a failure, the next request is a new script
        function loaded() {
          var waiting = state[path];
          state[path] = true;
          waiting.forEach(function (call) { call(); });
        }
        function lost() { delete state[path]; failed(); }
        var was = early ? early.getAttribute("data-state") : "new";
        if (was === "loaded") return loaded();
        if (was === "failed") return lost();
        script.addEventListener("load", loaded);
        script.addEventListener("error", lost);
        if (!early) {
          script.src = root + path;
          document.head.appendChild(script);
        }
      });
    };
  }

  function begin(document, window, engine, load) {
    var form = document.getElementById("search-form");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var input = document.getElementById("q");
    var body = document.body;
    window.minutebookSearch = engine; // for measuring in a browser, without a console
    var FILTERS = ["year", "theme", "type", "kind"];
    var root = "../";
    var shown = { found: null, drawn: 0 };

    function select(name) { return document.getElementById("filter-" + name); }
    var order = document.getElementById("search-order");

    function chosen() {
      var out = {};
      FILTERS.forEach(function (name) { out[name] = select(name).value; });
      return out;
    }

    /* The address says what is shown, so it can be shared or bookmarked. */
    function remember(text, filters, sort) {
      var params = new URLSearchParams();
      if (text) params.set("q", text);
      FILTERS.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
      if (sort) params.set("sort", sort);
      var query = params.toString();
      // Replacing an address with itself still costs the browser a same-document navigation.
      if ((query ? "?" + query : "") === window.location.search) return;
      try {
        window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
      } catch (e) { /* some browsers refuse for pages opened from disk; the search still works */ }
    }

    function restore() {
      var params = new URLSearchParams(window.location.search);
      // What was typed while the index loaded stays, unless the address asks for something.
      if (params.has("q") || !input.value) input.value = params.get("q") || "";
      FILTERS.forEach(function (name) {
        var value = params.get(name) || "", box = select(name);
        var known = Array.prototype.some.call(box.options, function (o) { return o.value === value; });
        box.value = known ? value : "";
      });
      var sort = params.get("sort") || "";
      order.value = sort === "newest" || sort === "oldest" ? sort : "";
    }

    // ------------------------------------------------------------ drawing

    function el(tag, attrs, text) {
      var node = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined) node.textContent = text;
      return node;
    }

    function highlighted(node, parts) {
      parts.forEach(function (p) {
        node.appendChild(p.mark ? el("mark", {}, p.text) : document.createTextNode(p.text));
      });
      return node;
    }

    function resultItem(r) {
      var li = el("li", { "class": "result result-" + r.kind, "data-ref": String(r.ref) });
      var link = el("a", { href: root + r.url });
      if (r.kind === "item") link.appendChild(el("span", { "class": "result-number" }, r.number + " "));
      highlighted(link, r.title);
      li.appendChild(el("h2", { "class": "result-title" })).appendChild(link);
      var meta = el("p", { "class": "meta" });
      if (r.kind === "action") {
        meta.appendChild(document.createTextNode("Action from item " + r.number + " "));
        highlighted(meta, r.itemTitle).appendChild(document.createTextNode(", "));
      }
      meta.appendChild(document.createTextNode(r.meeting + ", "));
      meta.appendChild(el("time", { datetime: r.date }, r.dateShown));
      // Draft minutes may still change: a reader must know before quoting them.
      if (r.minutes === "draft") meta.appendChild(el("strong", { "class": "minutes-label minutes-label-draft" }, "Draft minutes: not yet approved"));
      if (r.status) meta.appendChild(document.createTextNode(". Status: " + r.status));
      li.appendChild(meta);
      if (r.snippet.length) li.appendChild(highlighted(el("p", { "class": "snippet" }), r.snippet));
      if (r.people.length) highlighted(li.appendChild(el("p", { "class": "named" }, "People named: ")), r.people);
      if (r.lacking.length) li.appendChild(el("p", { "class": "lacking" }, "Does not mention: " + r.lacking.join(", ")));
      return li;
    }

    /* A person whose name was asked for: their page, with the roles they held and what they did. */
    function personItem(person) {
      var li = el("li", { "class": "result result-person" });
      li.appendChild(el("h2", { "class": "result-title" })).appendChild(el("a", { href: root + person.url }, person.name));
      li.appendChild(el("p", { "class": "meta" }, "Person. " + person.about));
      return li;
    }

    /* Draws the next page of results, each as soon as its meeting's text and those of the results above
     * it have loaded (all are asked for at once), then offers the rest. `after(first item drawn)` follows
     * the first. */
    function drawMore(after) {
      var found = shown.found, upto = Math.min(found.results.length, shown.drawn + PAGE_SIZE);
      var first = null, done = false;
      function drawReady() {
        if (shown.found !== found || done) return; // a newer search has replaced these results, or all are drawn
        while (shown.drawn < upto && !engine.textsFor([found.results[shown.drawn]]).length) {
          var li = resultItem(engine.describe(found.results[shown.drawn], found));
          list.appendChild(li);
          shown.drawn++;
          if (!first) {
            first = li;
            if (after) after(first);
          }
        }
        if (shown.drawn < upto) return;
        done = true;
        if (!first && after) after(null);
        offerMore();
      }
      var needed = engine.textsFor(found.results.slice(shown.drawn, upto));
      if (!needed.length) return drawReady();
      // The first result's text alone first: asked for with the rest, it shares the connection with
      // them and arrives later. The others follow once it is drawn and the page has had a moment to show it.
      load(needed.slice(0, 1), function () {
        drawReady();
        window.setTimeout(function () {
          needed.slice(1).forEach(function (path) { load([path], drawReady); });
        }, 0);
      });
    }

    function offerMore() {
      var found = shown.found, more = document.getElementById("search-more");
      if (more) more.parentNode.removeChild(more);
      var left = found.results.length - shown.drawn;
      if (left > 0) {
        more = el("button", { type: "button", id: "search-more", "class": "show-more" },
          "Show " + Math.min(left, PAGE_SIZE) + " more of " + left + " remaining results");
        more.addEventListener("click", function () {
          more.disabled = true;
          drawMore(function (first) { if (first) first.querySelector("a").focus(); });
        });
        list.parentNode.insertBefore(more, list.nextSibling);
      }
      list.removeAttribute("aria-busy");
      body.setAttribute("data-search-done", String(searches));
    }

    function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

    function statusText(text, found, filtered) {
      var n = found.results.length + found.people.length, asked = "“" + text.trim() + "”", narrowed = filtered ? " with the filters chosen" : "";
      var sorted = found.order ? (found.order === "newest" ? " Newest first." : " Oldest first.") : "";
      if (found.mode === "idle") return "";
      if (found.mode === "browse") return plural(n, "agenda item or action matches", "agenda items and actions match") + " the filters chosen." + sorted;
      if (found.mode === "common") return asked + " is made of words too common to search for, such as “the” and “of”. Add a word that says what you are looking for.";
      if (!n) return "No results for " + asked + narrowed + ".";
      if (found.mode === "fuzzy") return "No exact matches for " + asked + "; " + plural(n, "result", "results") + " for close spellings" + narrowed + "." + sorted;
      if (found.mode === "some") return "No results with all your words. Results with some of them: " + plural(n, "result", "results") + " for " + asked + narrowed + "." + sorted;
      var also = found.also.length ? " Also searched for " + found.also.join(", ") + "." : "";
      return plural(n, "result", "results") + " for " + asked + narrowed + "." + also + sorted;
    }

    function help(found, filtered) {
      var box = el("div", { id: "search-help", "class": "search-help" });
      if (filtered && found.unfiltered) {
        var p = el("p", {}, plural(found.unfiltered, "result matches", "results match") + " without the filters. ");
        var clear = el("button", { type: "button", "class": "clear-filters" }, "Clear the filters");
        clear.addEventListener("click", function () {
          FILTERS.forEach(function (name) { select(name).value = ""; });
          run();
          input.focus();
        });
        p.appendChild(clear);
        box.appendChild(p);
      }
      var tips = el("p", {}, "Check the spelling, try fewer or different words, or browse the meetings by ");
      tips.appendChild(el("a", { href: root + "themes/index.html" }, "theme"));
      tips.appendChild(document.createTextNode(", by "));
      tips.appendChild(el("a", { href: root + "years/index.html" }, "year"));
      tips.appendChild(document.createTextNode(" or by "));
      tips.appendChild(el("a", { href: root + "people/index.html" }, "person"));
      tips.appendChild(document.createTextNode("."));
      box.appendChild(tips);
      return box;
    }

    var searches = 0; // searches begun; each ends with data-search-done set to its number

    /* Searches for what the form says; loads the term and text files the answer needs first. */
    /* `finished`: asked for with Enter or by the address, so the last word is whole, not still being typed. */
    function run(finished) {
      var began = window.performance.now(), asked = ++searches;
      var text = input.value, typed = finished === true && /\S$/.test(text) ? text + " " : text, filters = chosen(), filtered = FILTERS.some(function (n) { return filters[n]; }), sort = order.value;
      remember(text, filters, sort);
      list.setAttribute("aria-busy", "true");
      (function attempt() {
        var found = engine.search(typed, filters, sort);
        if (found.missing) return load(found.missing, function () { if (asked === searches) attempt(); });
        show(text, found, filtered, began);
      })();
    }

    function show(text, found, filtered, began) {
      ["search-help", "search-more"].forEach(function (id) {
        var old = document.getElementById(id);
        if (old) old.parentNode.removeChild(old);
      });
      while (list.firstChild) list.removeChild(list.firstChild);
      shown = { found: found, drawn: 0 };
      status.textContent = statusText(text, found, filtered);
      if (!found.results.length && !found.people.length && found.mode !== "idle") list.parentNode.insertBefore(help(found, filtered), list.nextSibling);
      found.people.forEach(function (person) { list.appendChild(personItem(person)); });
      drawMore(function () {
        var now = window.performance.now();
        body.setAttribute("data-search-ms", (now - began).toFixed(2));
        if (found.results.length && !body.hasAttribute("data-first-result-ms")) body.setAttribute("data-first-result-ms", now.toFixed(1));
        if (!body.hasAttribute("data-search-ready")) body.setAttribute("data-search-ready", now.toFixed(1));
      });
    }

    // ------------------------------------------------------------ events

    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 120); // a pause in typing, not every key
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      run(true);
    });
    FILTERS.forEach(function (name) { select(name).addEventListener("change", run); });
    order.addEventListener("change", run);

    // Up and down arrows move between the search box and the result links; Enter follows a link.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var links = Array.prototype.slice.call(list.querySelectorAll(".result-title a"));
      var at = document.activeElement === input ? -1 : links.indexOf(document.activeElement);
      if (!links.length || (at === -1 && document.activeElement !== input)) return;
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next >= links.length) return;
      event.preventDefault();
      (next < 0 ? input : links[next]).focus();
    });

    restore();
    run(true);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { createEngine: createEngine, open: open, serialise: serialise, shorterStems: shorterStems };
  } else {
    startPage(document, window);
  }
})();
