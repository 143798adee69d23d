/* Minutebook search.
 *
 * search/index.js says how the index is made and lists one file per year
 * (search/<year>.js), each holding that year's documents with their index terms
 * counted at build time by lunr.py (minutebook/index.py). `assemble` puts them
 * together into exactly the index lunr.py would have built, BM25 scores and all;
 * createEngine loads it into lunr and answers what was typed with results as
 * plain data; apart from telling lunr where words split, it changes nothing
 * outside itself, and the tests run it under node. The page code below it loads
 * the year files, reads the form and the address and draws the results.
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
  var PREFIX_FROM = 2; // letters typed before an unfinished last word is matched as a beginning
  var SNIPPET_LENGTH = 240; // characters
  var SNIPPET_LEAD = 70; // characters shown before the first highlighted word
  var PAGE_SIZE = 50; // results drawn at once; the rest on request
  // lunr's own query language: +word -word field:word word~1 word^10 wor*
  var SYNTAX = /(^|\s)[+\-]\S|\S:\S|[~^*]/;

  // ================================================================ the engine

  var K1 = 1.2, B = 0.75; // lunr's BM25 constants, as lunr.py's builder uses them
  var COUNTS = 67108864; // 2^26: a term's number and its count share one number, so sorting them sorts by term

  /* Python's round(x, 3), which lunr.py applies to every score: the nearest of the
   * three-decimal numbers, ties to even. Far from a tie, rounding x * 1000 gives it
   * (the product's error is a millionth of what could matter); near one, toFixed
   * rounds the exact value but ties away from zero, and an exact tie is a number of
   * sixteenths with an odd top. */
  function byNumber(a, b) { return a - b; }

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

  /* The year files put together: every document in ref order (refs are places in `docs`:
   * every item, year by year, then every action), the meetings, and what lunr.py's builder
   * would hold for them: terms numbered as it numbers them, and each posting and field
   * vector, made on request by `posting(number)` and `vector(place)` (see lunrIndex). */
  function assemble(data, shards) {
    var years = data.shards.map(function (year) { return shards[year]; });
    var meetings = [], meetingTerms = [], items = [], actions = [];
    years.forEach(function (shard, y) {
      var offset = meetings.length;
      shard.meetings.forEach(function (m) {
        meetings.push({ t: m.t, d: m.d, dl: m.dl, y: m.y, ty: m.ty });
        meetingTerms.push({ year: y, w: m.w });
      });
      [[shard.items, items, "item"], [shard.actions, actions, "action"]].forEach(function (group) {
        group[0].forEach(function (d) {
          var doc = { k: group[2], m: d.m + offset, n: d.n, t: d.t, u: d.u, x: d.x, th: d.th, p: d.p };
          if (d.it !== undefined) { doc.it = d.it; doc.s = d.s; }
          group[1].push({ doc: doc, year: y, w: d.w });
        });
      });
    });
    var entries = items.concat(actions), docs = entries.map(function (e) { return e.doc; });

    // Terms are numbered as lunr.py's builder numbers them: as first seen, document by document, field by field.
    var terms = [], numbers = new Map(), local = years.map(function (shard) { return new Int32Array(shard.terms.length).fill(-1); });
    function number(term) {
      var n = numbers.get(term);
      if (n === undefined) { n = terms.length; terms.push(term); numbers.set(term, n); }
      return n;
    }
    function fromYear(y, place) {
      var n = local[y][place];
      if (n < 0) n = local[y][place] = number(years[y].terms[place]);
      return n;
    }
    /* A year file's list of terms as [number * COUNTS + count], in first-seen order. */
    function listed(y, list) {
      var out = [];
      for (var i = 0; i < list.length; i++) {
        if (list[i] < 0) out[out.length - 1] += -list[i] - 1;
        else out.push(fromYear(y, list[i]) * COUNTS + 1);
      }
      return out;
    }
    var themeTerms = {};
    Object.keys(data.themes).forEach(function (slug) { themeTerms[slug] = data.themes[slug].w; });
    /* The themes field is the names of the document's themes, one after another. */
    function themed(th) {
      var counts = new Map();
      th.forEach(function (slug) {
        var w = themeTerms[slug] || [];
        for (var i = 0; i < w.length; i++) {
          if (typeof w[i] === "number") continue;
          var count = typeof w[i + 1] === "number" ? w[i + 1] : 1;
          counts.set(w[i], (counts.get(w[i]) || 0) + count);
        }
      });
      var out = [];
      counts.forEach(function (count, term) { out.push(number(term) * COUNTS + count); });
      return out;
    }

    // As lunr.py's Builder.add: postings, counts and lengths.
    var fields = data.fields.map(function (f) { return f[0]; });
    var where = fields.map(function (f) {
      var at = data.docFields.indexOf(f);
      return at !== -1 ? ["doc", at] : data.meetingFields.indexOf(f) !== -1 ? ["meeting", data.meetingFields.indexOf(f)] : ["themes", 0];
    });
    var postings = fields.map(function () { return []; }), withTerm = [], vectors = [], totals = fields.map(function () { return 0; });
    entries.forEach(function (entry, ref) {
      where.forEach(function (source, f) {
        var list;
        if (source[0] === "doc") list = listed(entry.year, entry.w[source[1]]);
        else if (source[0] === "meeting") list = listed(meetingTerms[entry.doc.m].year, meetingTerms[entry.doc.m].w[source[1]]);
        else list = themed(entry.doc.th);
        var length = 0, byTerm = postings[f];
        for (var i = 0; i < list.length; i++) {
          var n = Math.floor(list[i] / COUNTS);
          length += list[i] - n * COUNTS;
          (byTerm[n] || (byTerm[n] = [])).push(ref);
          withTerm[n] = (withTerm[n] || 0) + 1;
        }
        vectors.push({ field: f, ref: ref, keys: list, length: length });
        totals[f] += length;
      });
    });

    // As lunr.py's Builder.build: average lengths, then each field's vector of BM25 scores.
    var average = totals.map(function (total) { return total / docs.length; });
    var idf = withTerm.map(function (count) {
      var x = (docs.length - count + 0.5) / (count + 0.5);
      return Math.log(1 + Math.abs(x));
    });
    function vector(i) {
      var v = vectors[i], boost = data.fields[v.field][1], docBoost = docs[v.ref].k === "action" ? data.actionBoost : 1;
      var norm = K1 * (1 - B + B * (v.length / average[v.field]));
      var keys = v.keys.slice().sort(byNumber), elements = new Array(keys.length * 2); // by term number
      for (var j = 0; j < keys.length; j++) {
        var n = Math.floor(keys[j] / COUNTS), tf = keys[j] - n * COUNTS;
        var score = idf[n] * ((K1 + 1) * tf) / (norm + tf);
        score *= boost;
        score *= docBoost;
        elements[2 * j] = n;
        elements[2 * j + 1] = round3(score);
      }
      return elements;
    }
    function posting(n) { // {_index: n, field: {ref: {}, ...}, ...}, as lunr has it
      var made = { _index: n };
      fields.forEach(function (field, f) {
        var refs = postings[f][n] || [], held = {};
        for (var j = 0; j < refs.length; j++) held[refs[j]] = {};
        made[field] = held;
      });
      return made;
    }
    return {
      version: data.version, fields: fields, terms: terms, numbers: numbers, docs: docs, meetings: meetings,
      fieldRefs: vectors.map(function (v) { return fields[v.field] + "/" + v.ref; }), vector: vector, posting: posting
    };
  }

  function byTerm(a, b) { return a < b ? -1 : a > b ? 1 : 0; } // as lunr.Index.load orders terms

  /* lunr's serialised index of the assembled archive, every posting and vector made: what lunr.py
   * writes for the same documents, number for number (the tests hold the two equal). */
  function serialise(built) {
    var invertedIndex = built.terms.slice().sort(byTerm).map(function (term) { return [term, built.posting(built.numbers.get(term))]; });
    var fieldVectors = built.fieldRefs.map(function (ref, i) { return [ref, built.vector(i)]; });
    return { version: built.version, fields: built.fields, fieldVectors: fieldVectors, invertedIndex: invertedIndex, pipeline: ["stemmer"] };
  }

  /* The lunr.Index that lunr.Index.load(serialise(built)) gives, except that each posting and each
   * vector is made when a search first reads it: a search reads few, and making every one took
   * most of the time before the first result. */
  function lunrIndex(lunr, built) {
    var tokens = new lunr.TokenSet.Builder();
    built.terms.slice().sort(byTerm).forEach(function (term) { tokens.insert(term); });
    tokens.finish();
    var places = new Map(built.fieldRefs.map(function (ref, i) { return [ref, i]; }));
    return new lunr.Index({
      invertedIndex: whenRead(built.terms, function (term) { return built.posting(built.numbers.get(term)); }),
      fieldVectors: whenRead(built.fieldRefs, function (ref) { return new lunr.Vector(built.vector(places.get(ref))); }),
      tokenSet: tokens.root,
      fields: built.fields,
      pipeline: lunr.Pipeline.load(["stemmer"])
    });
  }

  /* An object with `keys` whose values are made by `make(key)` on first reading, then kept. */
  function whenRead(keys, make) {
    var known = new Set(keys);
    function get(made, key) {
      if (typeof key !== "string" || !known.has(key)) return undefined;
      return key in made ? made[key] : (made[key] = make(key));
    }
    return new Proxy(Object.create(null), {
      get: get,
      has: function (made, key) { return known.has(key); },
      ownKeys: function () { return keys.slice(); },
      getOwnPropertyDescriptor: function (made, key) {
        return known.has(key) ? { value: get(made, key), writable: true, enumerable: true, configurable: true } : undefined;
      }
    });
  }

  /* `shards` holds each year file's data, by year. */
  function createEngine(lunr, data, shards) {
    var separator = new RegExp(data.separator);
    // Queries, and lunr's query language, must split words where the index builder did.
    lunr.tokenizer.separator = separator;
    lunr.QueryLexer.termSeparator = separator;

    var assembled = assemble(data, shards);
    var index = lunrIndex(lunr, assembled);
    var docs = assembled.docs, meetings = assembled.meetings, themeNames = {};
    Object.keys(data.themes).forEach(function (slug) { themeNames[slug] = data.themes[slug].n; });
    var REQUIRED = lunr.Query.presence.REQUIRED, TRAILING = lunr.Query.wildcard.TRAILING;
    var stems = Object.create(null), docTokens = [];
    var FIELD = { title: 0, itemTitle: 1, text: 2, meeting: 3, people: 4, themes: 5 };
    // "title:" and the like, as lunr's query language names the fields of the index.
    var FIELD_NAME = new RegExp("^(" + index.fields.join("|") + "):", "i");
    var SPACED_FIELD = new RegExp("(^|\\s)(" + index.fields.join("|") + "):\\s+", "gi"); // "title: roads"

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

    function inIndex(term) {
      return Object.prototype.hasOwnProperty.call(index.invertedIndex, term);
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
        var words = wordsOf(inner);
        if (words.length) phrases.push(words);
        return " ";
      });
      var words = wordsOf(rest);
      return { rest: rest, phrases: phrases, words: words, typing: words.length > 0 && /[^\s\-]$/.test(rest) };
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
      if (!docTokens[ref]) docTokens[ref] = fieldsOf(docs[ref]).map(tokensOf);
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

    function hasWordBeginning(ref, beginning) {
      return fieldTokens(ref).some(function (tokens) {
        return tokens.some(function (t) { return t.word.indexOf(beginning) === 0; });
      });
    }

    // ------------------------------------------------------------ the three ways of searching

    /* Every word must match; an unfinished last word also matches the words it begins. */
    function exact(parsed) {
      var words = parsed.words.slice(), last = parsed.typing ? words.pop() : null;
      if (last !== null && last.length < PREFIX_FROM) { words.push(last); last = null; }
      var required = words.concat(quoted(parsed)).filter(function (w) { return !isStopWord(w); }).map(stemOf);
      if (!required.length && last === null) return [];
      var results = index.query(function (q) {
        required.forEach(function (term) { q.term(term, { usePipeline: false, presence: REQUIRED }); });
        if (last === null) return;
        var term = stemOf(last);
        // The whole word ranks above words it only begins.
        if (!isStopWord(last)) q.term(term, { usePipeline: false, boost: 10 });
        q.term(last, { usePipeline: false, wildcard: TRAILING });
        if (term !== last) q.term(term, { usePipeline: false, wildcard: TRAILING });
        // A stem can be shorter than what is typed so far: "operati" is on its way to "operational",
        // which the index holds as "oper". Those are checked against the words themselves below.
        for (var n = 3; n < last.length; n++) {
          if (inIndex(last.slice(0, n))) q.term(last.slice(0, n), { usePipeline: false });
        }
      });
      if (last === null) return results;
      return results.filter(function (r) {
        return Object.keys(r.matchData.metadata).some(function (t) { return begins(t, last); }) || hasWordBeginning(+r.ref, last);
      });
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
      return index.query(function (q) {
        clauses.forEach(function (c) { q.term(c[0], c[1]); });
      });
    }

    /* lunr's own query language, as its documentation describes; throws lunr.QueryParseError. */
    function withSyntax(text) {
      return index.query(function (q) {
        new lunr.QueryParser(text, q).parse();
        q.clauses.forEach(function (c) {
          if (c.editDistance > MAX_EDIT_DISTANCE) c.editDistance = MAX_EDIT_DISTANCE;
        });
      });
    }

    // ------------------------------------------------------------ filters

    function passes(doc, filters) {
      var m = meetings[doc.m];
      return (!filters.year || m.y === filters.year) && (!filters.type || m.ty === filters.type) &&
        (!filters.kind || doc.k === filters.kind) && (!filters.theme || doc.th.indexOf(filters.theme) !== -1);
    }

    function filtering(filters) {
      return Object.keys(filters || {}).some(function (k) { return filters[k]; });
    }

    /* Newest meeting first; within a meeting, items in agenda order, then actions. */
    function browse(filters) {
      var refs = [];
      docs.forEach(function (doc, ref) { if (passes(doc, filters)) refs.push(ref); });
      refs.sort(function (a, b) {
        return docs[b].m - docs[a].m || (docs[a].k === "item" ? 0 : 1) - (docs[b].k === "item" ? 0 : 1) || a - b;
      });
      return refs.map(function (ref) { return { ref: ref, score: 0, terms: [] }; });
    }

    /* Everything a results list needs: {mode, words, phrases, results, unfiltered}.
     * mode: "idle" (nothing asked), "browse" (filters only), "words", "fuzzy" (close
     * spellings, as nothing matched exactly) or "syntax" (lunr's query language). */
    function search(text, filters) {
      filters = filters || {};
      text = (text || "").replace(SPACED_FIELD, "$1$2:");
      var parsed = parse(text), mode = "words", found = null;
      if (!text.trim()) {
        var listed = filtering(filters) ? browse(filters) : [];
        return { mode: filtering(filters) ? "browse" : "idle", words: [], phrases: [], results: listed, unfiltered: listed.length };
      }
      if (SYNTAX.test(parsed.rest)) {
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
        found = exact(parsed);
        if (!found.length) {
          found = fuzzy(parsed);
          mode = found.length ? "fuzzy" : "words";
        }
      }
      if (parsed.phrases.length) {
        found = found.filter(function (r) { return parsed.phrases.every(function (p) { return hasPhrase(+r.ref, p); }); });
      }
      var results = found.filter(function (r) { return passes(docs[+r.ref], filters); }).map(function (r) {
        return { ref: +r.ref, score: r.score, terms: Object.keys(r.matchData.metadata) };
      });
      var unfinished = parsed.typing && mode === "words" ? parsed.words[parsed.words.length - 1] : "";
      return { mode: mode, words: parsed.words, phrases: parsed.phrases, unfinished: unfinished, results: results, unfiltered: found.length };
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
      var doc = docs[result.ref], m = meetings[doc.m], fields = fieldsOf(doc), tokens = fieldTokens(result.ref);
      function marks(field) { return markedTokens(tokens[field], result.terms, asked); }
      function whole(field) { return pieces(fields[field], tokens[field], marks(field), 0, fields[field].length); }
      var people = whole(FIELD.people);
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
        themes: doc.th.slice(),
        // Who was named matters when a search for a name or role matched them.
        people: people.some(function (p) { return p.mark; }) ? people : [],
        snippet: snippet(fields[FIELD.text], tokens[FIELD.text], marks(FIELD.text))
      };
    }

    return { search: search, describe: describe, parse: parse, index: index };
  }

  // ================================================================ the page

  function startPage(document, window) {
    var form = document.getElementById("search-form");
    if (!form) return;
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var input = document.getElementById("q");
    var body = document.body;
    var root = "../"; // the search page sits one folder below the site root
    function unavailable() {
      status.textContent = "Search could not be loaded. You can still browse the meetings by theme, year or person.";
    }
    if (!window.MINUTEBOOK_SEARCH || !window.lunr) return unavailable();
    loadYears(document, window, root, window.MINUTEBOOK_SEARCH, function (shards) {
      begin(document, window, createEngine(window.lunr, window.MINUTEBOOK_SEARCH, shards));
    }, unavailable);
  }

  /* Each year's file, added as a script (a fetch would be refused from disk); all at once. */
  function loadYears(document, window, root, data, ready, failed) {
    var shards = window.MINUTEBOOK_SEARCH_SHARDS = window.MINUTEBOOK_SEARCH_SHARDS || {};
    var left = data.shards.length, broken = false;
    function settle() {
      if (broken || left > 0) return;
      if (data.shards.every(function (year) { return shards[year]; })) ready(shards);
      else failed();
    }
    data.shards.forEach(function (year) {
      var script = document.createElement("script");
      script.src = root + "search/" + year + ".js";
      script.addEventListener("load", function () { left--; settle(); });
      script.addEventListener("error", function () {
        if (!broken) failed();
        broken = true;
      });
      document.head.appendChild(script);
    });
    settle();
  }

  function begin(document, window, engine) {
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

    function chosen() {
      var out = {};
      FILTERS.forEach(function (name) { out[name] = select(name).value; });
      return out;
    }

    /* The address says what is shown, so it can be shared or bookmarked. */
    function remember(text, filters) {
      var params = new URLSearchParams();
      if (text) params.set("q", text);
      FILTERS.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
      var query = params.toString();
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
      if (r.status) meta.appendChild(document.createTextNode(". Status: " + r.status));
      li.appendChild(meta);
      if (r.people.length) highlighted(li.appendChild(el("p", { "class": "named" }, "People named: ")), r.people);
      if (r.snippet.length) li.appendChild(highlighted(el("p", { "class": "snippet" }), r.snippet));
      return li;
    }

    function drawMore() {
      var found = shown.found, upto = Math.min(found.results.length, shown.drawn + PAGE_SIZE), first = null;
      for (var i = shown.drawn; i < upto; i++) {
        var li = resultItem(engine.describe(found.results[i], found));
        first = first || li;
        list.appendChild(li);
      }
      shown.drawn = upto;
      var more = document.getElementById("search-more");
      if (more) more.parentNode.removeChild(more);
      var left = found.results.length - upto;
      if (left > 0) {
        more = el("button", { type: "button", id: "search-more", "class": "show-more" },
          "Show " + Math.min(left, PAGE_SIZE) + " more of " + left + " remaining results");
        more.addEventListener("click", function () {
          var next = list.children.length;
          drawMore();
          if (list.children[next]) list.children[next].querySelector("a").focus();
        });
        list.parentNode.insertBefore(more, list.nextSibling);
      }
      return first;
    }

    function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

    function statusText(text, found, filtered) {
      var n = found.results.length, asked = "“" + text.trim() + "”", narrowed = filtered ? " with the filters chosen" : "";
      if (found.mode === "idle") return "";
      if (found.mode === "browse") return plural(n, "agenda item or action matches", "agenda items and actions match") + " the filters chosen.";
      if (!n) return "No results for " + asked + narrowed + ".";
      if (found.mode === "fuzzy") return "No exact matches for " + asked + "; " + plural(n, "result", "results") + " for close spellings" + narrowed + ".";
      return plural(n, "result", "results") + " for " + asked + narrowed + ".";
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

    function run() {
      var began = window.performance.now();
      var text = input.value, filters = chosen(), filtered = FILTERS.some(function (n) { return filters[n]; });
      remember(text, filters);
      var found = engine.search(text, filters);
      ["search-help", "search-more"].forEach(function (id) {
        var old = document.getElementById(id);
        if (old) old.parentNode.removeChild(old);
      });
      while (list.firstChild) list.removeChild(list.firstChild);
      shown = { found: found, drawn: 0 };
      drawMore();
      if (!found.results.length && found.mode !== "idle") list.parentNode.insertBefore(help(found, filtered), list.nextSibling);
      status.textContent = statusText(text, found, filtered);
      var now = window.performance.now();
      body.setAttribute("data-search-ms", (now - began).toFixed(2));
      if (found.results.length && !body.hasAttribute("data-first-result-ms")) body.setAttribute("data-first-result-ms", now.toFixed(1));
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
      run();
    });
    FILTERS.forEach(function (name) { select(name).addEventListener("change", run); });

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
    run();
    body.setAttribute("data-search-ready", window.performance.now().toFixed(1));
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { createEngine: createEngine, assemble: assemble, serialise: serialise };
  } else {
    startPage(document, window);
  }
})();
