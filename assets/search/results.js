/* Results: each document's text (search/text/, loaded for the results drawn), the phrases
 * in it, and what a result shows of it.
 *
 * Reading a text not yet loaded throws Missing (scorer.js), as the engine's reading of
 * terms does; the page loads it and asks again.
 */

var SNIPPET_LENGTH = 240; // characters
var SNIPPET_LEAD = 70; // characters shown before the first highlighted word
var TOGETHER_AMONG = 10; // the results read to put first those where several words typed stand together
var TEXT_FIELD = { title: 0, itemTitle: 1, text: 2, meeting: 3, people: 4, themes: 5 }; // the searchable texts of a document, in order

/* The texts of the documents, and the phrases in them, from the text files loaded so far (`files.texts`). */
function documentTexts(data, opened, files, words) {
  var docs = opened.docs, meetings = opened.meetings, themeNames = {}, docTokens = [];
  var stemOf = words.stemOf, isStopWord = words.isStopWord, tokensOf = words.tokensOf;
  Object.keys(data.themes).forEach(function (slug) { themeNames[slug] = data.themes[slug].n; });

  /* A document with what its meeting's text file says of it, or null while that file is missing. */
  function textOf(ref) {
    var doc = docs[ref], stored = files.texts[meetings[doc.m].id];
    if (!stored) return null;
    var entry = stored[doc.k + "s"][doc.local]; // "items", "actions" or "decisions"
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

  /* The text files that drawing `results` needs and that are not loaded yet. */
  function textsFor(results) {
    return textsNeeded(results.map(function (r) { return r.ref; }));
  }

  /* The searchable text of a document, in the order of TEXT_FIELD. */
  function fieldsOf(doc) {
    var m = meetings[doc.m];
    return [doc.t, doc.it || "", doc.x, m.t, doc.p.join("; "), doc.th.map(function (t) { return themeNames[t] || t; }).join("; ")];
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

  return {
    textOf: textOf, textsFor: textsFor, fieldsOf: fieldsOf, fieldTokens: fieldTokens, phraseAt: phraseAt,
    togetherFirst: togetherFirst, withPhrases: withPhrases
  };
}

/* describe(result, asked): a result as the page shows it. */
function describer(data, opened, words, texts) {
  var meetings = opened.meetings, docs = opened.docs, trim = words.trim, begins = words.begins, FIELD = TEXT_FIELD;
  var textOf = texts.textOf, fieldsOf = texts.fieldsOf, fieldTokens = texts.fieldTokens, phraseAt = texts.phraseAt;

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
      result: docs[result.ref].r || "",
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

  return describe;
}

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

/* Whether a marked word stands in the `n`th person of a people field ("Name, role; Name, role"). */
function namedPersonMarked(tokens, joined, n, marked) {
  var start = 0;
  for (var k = 0; k < n; k++) start = joined.indexOf("; ", start) + 2;
  var end = joined.indexOf("; ", start);
  if (end === -1) end = joined.length;
  return tokens.some(function (t, i) { return marked[i] && t.start >= start && t.end <= end; });
}
