/* The index lunr.py's builder would make, from the files loaded so far.
 *
 * search/index.js describes every meeting and document; the terms are in files
 * by range of terms (search/words/), their postings in files by year and range
 * (search/terms/): minutebook/outputs/search/wire.py says what each holds.
 * `open` makes, from the files loaded, exactly the postings and BM25 scores
 * stock lunr.py would have built; `serialise` writes them as lunr's index, for
 * the tests to hold equal to lunr.py's.
 */

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
  var itemCount = 0, actionCount = 0, place, ref, i;
  for (place = 0; place < data.meetings.length; place++) {
    itemCount += data.meetings[place][6];
    actionCount += data.meetings[place][7];
  }
  // A meeting's decisions, where it records any, follow every action: their results, by meeting place.
  var results = {};
  (data.decisions || []).forEach(function (row) { results[row[0]] = row.slice(1); });
  var meetings = new Array(data.meetings.length), docs = new Array(data.docs.length), items = 0, actions = itemCount;
  var decisions = itemCount + actionCount;
  for (place = 0; place < data.meetings.length; place++) {
    var row = data.meetings[place], decided = results[place] || [];
    var m = meetings[place] = {
      id: row[0], t: row[1], d: row[2], dl: row[3], y: row[4], ty: row[5], items: [items, items + row[6]],
      actions: [actions, actions + row[7]], decisions: [decisions, decisions + decided.length], lengths: row.slice(8)
    };
    for (ref = m.items[0]; ref < m.items[1]; ref++) docs[ref] = { k: "item", m: place, local: ref - m.items[0], th: null };
    for (ref = m.actions[0]; ref < m.actions[1]; ref++) docs[ref] = { k: "action", m: place, local: ref - m.actions[0], th: null };
    for (ref = m.decisions[0]; ref < m.decisions[1]; ref++) docs[ref] = { k: "decision", m: place, local: ref - m.decisions[0], th: null, r: decided[ref - m.decisions[0]] };
    items += row[6];
    actions += row[7];
    decisions += decided.length;
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
    var inMeeting = counted.items[1] - counted.items[0] + counted.actions[1] - counted.actions[0] + counted.decisions[1] - counted.decisions[0];
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

  /* A meeting's document as the term files number them: its items, then its actions, then its decisions. */
  function docOf(m, local) {
    var items = m.items[1] - m.items[0], actions = m.actions[1] - m.actions[0];
    if (local < items) return m.items[0] + local;
    return local < items + actions ? m.actions[0] + local - items : m.decisions[0] + local - items - actions;
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
            for (ref = m.decisions[0]; ref < m.decisions[1]; ref++) add(f, ref, count);
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

