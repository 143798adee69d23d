/* The search page: loads the files a search needs, reads the form and the address, and
 * draws the results from what the engine (engine.js) answers.
 *
 * Every piece of text from the minutes goes into the page as a text node, never
 * as HTML, so "<script>" in the minutes shows as those characters. Nothing here
 * needs inline code or eval: the page works under
 * Content-Security-Policy: default-src 'self', and from disk.
 *
 * Last of the modules joined into search.js: under node (the tests) it exports the
 * engine, in a browser it starts the page.
 */

var PAGE_SIZE = 50; // results drawn at once; the rest on request

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
  // The result filter is on the page only where the archive's decisions have more than one result.
  var FILTERS = ["year", "theme", "type", "kind", "result"].filter(function (name) { return select(name); });
  var root = "../";
  var shown = { found: null, drawn: 0 };

  function select(name) { return document.getElementById("filter-" + name); }
  var order = document.getElementById("search-order");

  /* A result filters decisions alone: while only agenda items or actions are shown it is hidden
   * and emptied, so neither the results nor the address carry a filter that cannot apply. */
  function fitResultFilter() {
    var box = select("result"), kind = select("kind").value;
    if (!box) return;
    var applies = !kind || kind === "decision";
    box.parentNode.hidden = !applies;
    if (!applies) box.value = "";
  }

  function chosen() {
    var out = {};
    FILTERS.forEach(function (name) { out[name] = select(name).value; });
    return out;
  }

  /* The address says what is shown, so it can be shared or bookmarked. A choice of filter or order
   * is a step the Back button returns from (`step`, the id of the list chosen from); typing replaces
   * the address as it goes. Choices made one after another in the same list are one step: a keyboard
   * moves through a list's options one change at a time, and Back returns to before the first. */
  var lastChosen = ""; // the list the last step was chosen from, until typing or Back and Forward end the run

  function remember(text, filters, sort, step) {
    var again = !!step && lastChosen === step;
    if (step && !again) {
      // A choice made before the pause in typing: the address Back returns to holds the words typed,
      // with the filters and order it had.
      var here = new URLSearchParams(window.location.search), before = {};
      FILTERS.forEach(function (name) { before[name] = here.get(name) || ""; });
      remember(text, before, here.get("sort") || "", false);
    }
    lastChosen = step || "";
    var params = new URLSearchParams();
    if (text) params.set("q", text);
    FILTERS.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
    if (sort) params.set("sort", sort);
    var query = params.toString();
    // Replacing an address with itself still costs the browser a same-document navigation.
    if ((query ? "?" + query : "") === window.location.search) return;
    try {
      window.history[step && !again ? "pushState" : "replaceState"](null, "", query ? "?" + query : window.location.pathname);
    } catch (e) { /* some browsers refuse for pages opened from disk; the search still works */ }
  }

  /* The form as the address says; `exact`: going Back or Forward, where the address is all there is. */
  function restore(exact) {
    var params = new URLSearchParams(window.location.search);
    // What was typed while the index loaded stays, unless the address asks for something.
    if (exact || params.has("q") || !input.value) input.value = params.get("q") || "";
    FILTERS.forEach(function (name) {
      var value = params.get(name) || "", box = select(name);
      var known = Array.prototype.some.call(box.options, function (o) { return o.value === value; });
      box.value = known ? value : "";
    });
    fitResultFilter();
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
    if (r.kind === "decision") {
      // Its result first ("Lost, 2 for, 4 against"): what a reader scanning decisions looks for.
      // Its kind is in its heading.
      meta.appendChild(el("strong", { "class": "decision-result" }, r.status + "."));
      // "Under item C Fenced dog park", or "Under CONSENT AGENDA" for an item without a number.
      meta.appendChild(document.createTextNode(" Under " + (r.number ? "item " + r.number + " " : "")));
      highlighted(meta, r.itemTitle).appendChild(document.createTextNode(", "));
    }
    meta.appendChild(document.createTextNode(r.meeting + ", "));
    meta.appendChild(el("time", { datetime: r.date }, r.dateShown));
    // Draft minutes may still change: a reader must know before quoting them.
    if (r.minutes === "draft") meta.appendChild(el("strong", { "class": "minutes-label minutes-label-draft" }, "Draft minutes: not yet approved"));
    if (r.status && r.kind === "action") meta.appendChild(document.createTextNode(". Status: " + r.status));
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

  /* Nothing found while the last word is still too short to be looked for as a beginning ("s" of
   * "speed"): saying "No results" would be wrong a moment later, so nothing is said yet. */
  function beginning(found, n) {
    return !n && !!found.unfinished && found.unfinished.length < PREFIX_FROM;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  /* "12 actions match", as the kind of result shown says, or every kind the archive has. */
  function browsed(n) {
    var kind = select("kind").value;
    if (kind === "item") return plural(n, "agenda item matches", "agenda items match");
    if (kind === "action") return plural(n, "action matches", "actions match");
    if (kind === "decision") return plural(n, "decision matches", "decisions match");
    return decisions ? plural(n, "agenda item, action or decision matches", "agenda items, actions and decisions match") : plural(n, "agenda item or action matches", "agenda items and actions match");
  }

  function statusText(text, found, filtered) {
    var n = found.results.length + found.people.length, asked = "“" + text.trim() + "”", narrowed = filtered ? " with the filters chosen" : "";
    var sorted = found.order ? (found.order === "newest" ? " Newest first." : " Oldest first.") : "";
    if (found.mode === "idle" || beginning(found, n)) return "";
    if (found.mode === "browse") return browsed(n) + " the filters chosen." + sorted;
    if (found.mode === "nothing") return asked + " holds no word to search for. Type a word the minutes might use.";
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

  // Whether the archive records any: then there is a choice to show decisions only.
  var decisions = Array.prototype.some.call(select("kind").options, function (o) { return o.value === "decision"; });
  var searches = 0; // searches begun; each ends with data-search-done set to its number

  /* Searches for what the form says; loads the term and text files the answer needs first. */
  /* `finished`: asked for with Enter or by the address, so the last word is whole, not still being typed. */
  function run(finished, step) {
    var began = window.performance.now(), asked = ++searches;
    var text = input.value, typed = finished === true && /\S$/.test(text) ? text + " " : text, filters = chosen(), filtered = FILTERS.some(function (n) { return filters[n]; }), sort = order.value;
    remember(text, filters, sort, step || "");
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
    if (!found.results.length && !found.people.length && found.mode !== "idle" && !beginning(found, 0)) list.parentNode.insertBefore(help(found, filtered), list.nextSibling);
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
  function chose(event) {
    window.clearTimeout(timer); // the search for what was typed is this one
    fitResultFilter();
    run(false, event.target.id);
  }
  FILTERS.forEach(function (name) { select(name).addEventListener("change", chose); });
  order.addEventListener("change", chose);
  // Back and Forward return to the search and filters the address holds.
  window.addEventListener("popstate", function () {
    lastChosen = ""; // a choice after Back is a step of its own, and leaves what was ahead
    restore(true);
    run(true);
  });

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
  module.exports = { createEngine: createEngine, open: open, serialise: serialise, shorterStems: shorterStems, typedWords: typedWords };
} else {
  startPage(document, window);
}
