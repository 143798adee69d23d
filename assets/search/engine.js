/* Minutebook search: the engine, which answers what was typed with results as plain data.
 *
 * search/index.js describes every meeting and document (minutebook/outputs/search/wire.py
 * says what each search file holds). The terms are in files by range of terms
 * (search/words/), their postings in files by year and range (search/terms/), each
 * meeting's text in a file of its own (search/text/). A search reads the terms it needs;
 * when their files are not loaded yet it says which files it is missing, and the page
 * loads them as scripts and asks again. For the words in the address, search-ahead.js
 * (ahead.js) has asked for them before this script arrived.
 * `open` (postings.js) makes, from the files loaded, exactly the postings and BM25 scores
 * lunr.py would have built; `scorer` (scorer.js) ranks them as lunr's Index.query would,
 * with lunr's own query parser, stemmer and TokenSet; createEngine answers what was typed
 * with results as plain data; apart from telling lunr where words split, it changes
 * nothing outside itself, and the tests run it under node. The page code (page.js) loads
 * files, reads the form and the address and draws the results.
 *
 * The modules of assets/search/ are joined into one script, in one function, in the order
 * minutebook/outputs/search/scripts.py declares, so each sees the others' functions.
 */

var FUZZY_FROM = 4; // letters; a close spelling of a shorter word is usually just another word
var MAX_EDIT_DISTANCE = 2; // lunr's fuzzy matching grows exponentially with the distance
var MAX_WORDS = 10; // words (or clauses of lunr's query language) a search reads; the rest are passed over
var MAX_EXPANSION = 64; // terms a wildcard or a close spelling may stand for in a search
var PREFIX_FROM = 2; // letters typed before an unfinished last word is matched as a beginning
// lunr's own query language: +word -word field:word word~1 word^10 wor*
var SYNTAX = /(^|\s)[+\-]\S|\S:\S|[~^*]/;

/* `files` is where the words, term and text files put their data as they load: {words: {...}, terms: {...}, texts: {...}}. */
function createEngine(lunr, data, files) {
  var separator = new RegExp(data.separator);
  // Queries, and lunr's query language, must split words where the index builder did.
  lunr.tokenizer.separator = separator;
  lunr.QueryLexer.termSeparator = separator;

  var opened = open(data, files);
  var missing = new Set();
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

  var words = typedWords(lunr, data, opened), texts = documentTexts(data, opened, files, words);
  var parts = {
    docs: opened.docs, words: words, texts: texts, ways: waysOfSearching(lunr, words, query), lists: resultLists(opened),
    peopleNamed: peopleAsked(data, words), abbreviated: abbreviations(data, words)
  };

  /* Everything a results list needs: {mode, words, phrases, results, unfiltered, people, also, order}.
   * mode: "idle" (nothing asked), "browse" (filters only), "common" (only words too common to
   * search for), "nothing" (no word at all, only punctuation or symbols), "words", "fuzzy" (close spellings, as nothing matched exactly), "some" (no
   * document holds every word: those with most of them) or "syntax" (lunr's query language).
   * people: the people whose name was asked for, whose pages come first; also: the abbreviations
   * and expansions searched for beside what was typed. order: "" (relevance), "newest", "oldest". */
  function search(text, filters, order) {
    try {
      return answer(lunr, parts, text, filters, order);
    } catch (e) {
      if (e instanceof Missing) return { missing: e.files };
      throw e;
    }
  }

  return { search: search, describe: describer(data, opened, words, texts), textsFor: texts.textsFor, parse: words.parse, query: queryAsLunr, opened: opened };
}

/* What `search` answers, once every file it reads is loaded (else it throws Missing). */
function answer(lunr, parts, text, filters, order) {
  var words = parts.words, ways = parts.ways, lists = parts.lists, texts = parts.texts, docs = parts.docs;
  var parse = words.parse, meaningful = words.meaningful, quoted = words.quoted, isStopWord = words.isStopWord, held = words.held;
  var exact = ways.exact, fuzzy = ways.fuzzy, withSyntax = ways.withSyntax, partial = ways.partial;
  var sorted = lists.sorted, filtering = lists.filtering, browse = lists.browse, passes = lists.passes;
  var withPhrases = texts.withPhrases, togetherFirst = texts.togetherFirst;
  filters = filters || {};
  order = order === "newest" || order === "oldest" ? order : "";
  text = (text || "").replace(words.SPACED_FIELD, "$1$2:");
  var parsed = parse(text), mode = "words", found = null, also = [], people = [];
  if (!text.trim()) {
    var listed = sorted(filtering(filters) ? browse(filters) : [], order || "newest");
    return { mode: filtering(filters) ? "browse" : "idle", words: [], phrases: [], results: listed, unfiltered: listed.length, people: [], also: [], order: order };
  }
  var syntax = SYNTAX.test(parsed.rest);
  if (!syntax && !meaningful(parsed).length) {
    // Nothing but punctuation or symbols ("::", "😀") holds no word at all, common or not.
    var none = !parsed.words.length && !parsed.phrases.length;
    return { mode: parsed.overlong ? "words" : none ? "nothing" : "common", words: parsed.words, phrases: parsed.phrases, results: [], unfiltered: 0, people: [], also: [], order: order };
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
    people = filtering(filters) ? [] : parts.peopleNamed(parsed);
    found = exact(parsed);
    parts.abbreviated(parsed).forEach(function (other) {
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

/* The three ways of searching, each giving lunr's results for what was typed (`parsed`). */
function waysOfSearching(lunr, words, query) {
  var REQUIRED = lunr.Query.presence.REQUIRED, TRAILING = lunr.Query.wildcard.TRAILING;
  var stemOf = words.stemOf, isStopWord = words.isStopWord, inIndex = words.inIndex, begins = words.begins;
  var quoted = words.quoted, meaningful = words.meaningful, longest = words.longest;

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

  return { exact: exact, fuzzy: fuzzy, withSyntax: withSyntax, partial: partial };
}

/* Filters and orders of a results list. */
function resultLists(opened) {
  var docs = opened.docs, meetings = opened.meetings;

  function passes(ref, filters) {
    var doc = docs[ref], m = meetings[doc.m];
    return (!filters.year || m.y === filters.year) && (!filters.type || m.ty === filters.type) &&
      (!filters.kind || doc.k === filters.kind) && (!filters.theme || opened.themesOf(ref).indexOf(filters.theme) !== -1) &&
      (!filters.result || doc.r === filters.result); // only a decision has a result
  }

  function filtering(filters) {
    return Object.keys(filters || {}).some(function (k) { return filters[k]; });
  }

  /* Newest meeting first; within a meeting, items in agenda order, then actions, then decisions. */
  function browse(filters) {
    var refs = [];
    docs.forEach(function (doc, ref) { if (passes(ref, filters)) refs.push(ref); });
    refs.sort(function (a, b) {
      return docs[b].m - docs[a].m || (docs[a].k === "item" ? 0 : 1) - (docs[b].k === "item" ? 0 : 1) || a - b;
    });
    return refs.map(function (ref) { return { ref: ref, score: 0, terms: [] }; });
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

  return { passes: passes, filtering: filtering, browse: browse, sorted: sorted };
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
