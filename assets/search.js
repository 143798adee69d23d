/* Minutebook search: reads the prebuilt lunr index (search/index.js) and shows results.
 * No inline code, no eval, no innerHTML: every piece of text from the minutes goes in as a
 * text node, so the page works under a strict Content-Security-Policy and shows "<script>"
 * in the minutes as the words it is. */
(function () {
  "use strict";

  var data = window.MINUTEBOOK_SEARCH;
  var form = document.getElementById("search-form");
  if (!data || !form || !window.lunr) return;

  // The same word separators the index was built with (minutebook/index.py SEPARATORS).
  lunr.tokenizer.separator = /[\s\-\/()\[\]<>"=;!?,]+/;
  var index = lunr.Index.load(data.index);
  var store = data.store;
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var filters = { year: "filter-year", theme: "filter-theme", type: "filter-type", kind: "filter-kind" };
  var SYNTAX = /[:+\-~^*]/;
  var root = "../"; // the search page sits one folder below the site root

  // ---------------------------------------------------------------- queries

  /* Split what the visitor typed into quoted phrases and loose words. */
  function parse(text) {
    var phrases = [], rest = text.replace(/"([^"]*)"?/g, function (_, phrase) {
      if (phrase.trim()) phrases.push(phrase.trim());
      return " " + phrase + " ";
    });
    var words = rest.split(lunr.tokenizer.separator).map(function (w) { return w.replace(/^\W+|\W+$/g, ""); }).filter(Boolean);
    return { phrases: phrases, words: words };
  }

  /* The index term a word becomes (stemmed), or "" for stop words. */
  function termOf(word) {
    var out = index.pipeline.runString(word.toLowerCase());
    return out.length ? out[0] : "";
  }

  /* Every word must match; the last one also as a prefix, since people are still typing it. */
  function strictSearch(words, fuzzy) {
    var terms = words.map(termOf);
    if (!terms.some(function (t) { return fuzzy ? t.length >= 4 : t; })) return [];
    return index.query(function (q) {
      terms.forEach(function (term, i) {
        if (!term) return;
        var last = i === words.length - 1 && !fuzzy;
        if (fuzzy) {
          if (term.length < 4) return; // a close spelling of a short word is just another word
          q.term(term, { usePipeline: false, editDistance: term.length > 6 ? 2 : 1, presence: lunr.Query.presence.REQUIRED });
        } else if (last) {
          // Either the whole word or a word it begins; the whole word ranks higher.
          q.term(term, { usePipeline: false, boost: 10 });
          q.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.REQUIRED });
        } else {
          q.term(term, { usePipeline: false, presence: lunr.Query.presence.REQUIRED });
        }
      });
    });
  }

  function normalise(text) {
    return " " + text.toLowerCase().replace(/[^a-z0-9£%']+/g, " ").trim() + " ";
  }

  /* Returns {results, fuzzy}: lunr syntax is honoured when it parses, otherwise searched as words. */
  function run(text) {
    var parsed = parse(text), results = null, fuzzy = false;
    var words = parsed.words;
    if (!parsed.phrases.length && SYNTAX.test(text)) {
      try { results = index.search(text); } catch (e) { results = null; } // broken syntax: plain words
    }
    if (results === null) {
      results = strictSearch(words, false);
      if (!results.length && words.length) { results = strictSearch(words, true); fuzzy = results.length > 0; }
    }
    if (parsed.phrases.length) {
      var wanted = parsed.phrases.map(normalise);
      results = results.filter(function (r) {
        var doc = store[r.ref], text = normalise(doc.t + " " + doc.x);
        return wanted.every(function (p) { return text.indexOf(p) !== -1; });
      });
    }
    return { results: results, fuzzy: fuzzy, words: words.concat(parsed.phrases) };
  }

  // ---------------------------------------------------------------- filters and URL

  function chosen() {
    var out = {};
    Object.keys(filters).forEach(function (key) { out[key] = document.getElementById(filters[key]).value; });
    return out;
  }

  function keep(doc, f) {
    return (!f.year || doc.y === f.year) && (!f.type || doc.ty === f.type) &&
      (!f.kind || doc.k === f.kind) && (!f.theme || doc.th.indexOf(f.theme) !== -1);
  }

  function remember(text, f) {
    var params = new URLSearchParams();
    if (text) params.set("q", text);
    Object.keys(f).forEach(function (key) { if (f[key]) params.set(key, f[key]); });
    var query = params.toString();
    try { history.replaceState(null, "", query ? "?" + query : location.pathname); } catch (e) { /* file:// in some browsers */ }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    Object.keys(filters).forEach(function (key) {
      var select = document.getElementById(filters[key]), value = params.get(key) || "";
      if (Array.prototype.some.call(select.options, function (o) { return o.value === value; })) select.value = value;
    });
  }

  // ---------------------------------------------------------------- showing results

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A window of the text around the first matching word, with each match in <mark>. */
  function snippet(text, words) {
    var stems = words.map(function (w) { return w.toLowerCase().replace(/[^a-z0-9£%' ]/g, ""); })
      .filter(function (w) { return w.length > 1; });
    var pattern = stems.length ? new RegExp("(" + stems.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").slice(0, Math.max(3, Math.min(w.length, w.length - 2)));
    }).join("|") + ")[\\w']*", "gi") : null;
    var at = 0;
    if (pattern) { var m = pattern.exec(text); if (m) at = m.index; pattern.lastIndex = 0; }
    var start = Math.max(0, at - 90), end = Math.min(text.length, at + 160);
    var piece = (start > 0 ? "… " : "") + text.slice(start, end).replace(/\s+/g, " ") + (end < text.length ? " …" : "");
    var p = el("p", { "class": "snippet" });
    if (!pattern) { p.textContent = piece; return p; }
    var last = 0, match;
    while ((match = pattern.exec(piece)) !== null) {
      p.appendChild(document.createTextNode(piece.slice(last, match.index)));
      p.appendChild(el("mark", {}, match[0]));
      last = match.index + match[0].length;
    }
    p.appendChild(document.createTextNode(piece.slice(last)));
    return p;
  }

  function suggestions() {
    var p = el("p", {}, "Check the spelling, try fewer or other words, or browse the meetings by ");
    p.appendChild(el("a", { href: root + "themes/index.html" }, "theme"));
    p.appendChild(document.createTextNode(", by "));
    p.appendChild(el("a", { href: root + "years/index.html" }, "year"));
    p.appendChild(document.createTextNode(" or by "));
    p.appendChild(el("a", { href: root + "people/index.html" }, "person"));
    p.appendChild(document.createTextNode("."));
    return p;
  }

  function show(text) {
    var began = performance.now();
    var f = chosen();
    remember(text, f);
    while (list.firstChild) list.removeChild(list.firstChild);
    var old = document.getElementById("search-help");
    if (old) old.parentNode.removeChild(old);
    if (!text.trim()) { status.textContent = ""; return; }
    var found = run(text);
    var shown = found.results.filter(function (r) { return store[r.ref] && keep(store[r.ref], f); });
    shown.forEach(function (r) {
      var doc = store[r.ref];
      var li = el("li", { "class": "result result-" + doc.k });
      var heading = el("h2", { "class": "result-title" });
      var label = doc.k === "action" ? doc.t + " (item " + doc.n + ")" : doc.n + " " + doc.t;
      heading.appendChild(el("a", { href: root + doc.u }, label));
      li.appendChild(heading);
      li.appendChild(el("p", { "class": "meta" }, (doc.k === "action" ? "Action from " : "") + doc.m + ", " + doc.dl));
      li.appendChild(snippet(doc.x, found.words));
      list.appendChild(li);
    });
    var count = shown.length === 1 ? "1 result" : shown.length + " results";
    status.textContent = shown.length
      ? count + " for “" + text.trim() + "”" + (found.fuzzy ? " (no exact matches, showing close spellings)" : "")
      : "No results for “" + text.trim() + "”.";
    if (!shown.length) {
      var help = suggestions();
      help.id = "search-help";
      list.parentNode.insertBefore(help, list.nextSibling);
    }
    document.body.setAttribute("data-search-ms", String(Math.round((performance.now() - began) * 10) / 10));
  }

  // ---------------------------------------------------------------- events

  var timer = null;
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 120);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); show(input.value); });
  input.addEventListener("input", soon);
  Object.keys(filters).forEach(function (key) {
    document.getElementById(filters[key]).addEventListener("change", function () { show(input.value); });
  });

  // Arrow keys move between the search box and the result links; Enter follows a link.
  form.parentNode.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll(".result-title a"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    if (document.activeElement === input && event.key === "ArrowDown") at = -1;
    else if (at === -1) return;
    event.preventDefault();
    var next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
    (next < 0 ? input : links[next]).focus();
  });

  restore();
  if (input.value) show(input.value);
  document.body.setAttribute("data-search-ready", "true");
})();
