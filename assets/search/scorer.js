/* lunr's Index.query over the postings `open` makes (postings.js): `lookup` stands in for
 * lunr's TokenSet of every term, `scorer` for the query itself. A term whose files are
 * not loaded yet is recorded as missing, and the search is asked again once they are.
 */

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

