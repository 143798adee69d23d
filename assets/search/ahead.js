/* Minutebook search: asking early for the files a search from the address will need.
 * The build serves this module alone as assets/search-ahead.js.
 *
 * The search page loads this small script first of its deferred scripts: it
 * needs neither lunr nor search/index.js, so the files for the words in the
 * address (?q=) start to download as soon as the page has been read, while
 * the search code is still on its way, rather than after it has run. It is
 * deferred rather than blocking because the pages carry their
 * Content-Security-Policy in a meta tag, and Chromium then looks ahead for a
 * page's files only as far as its parser has gone: a blocking script would
 * hold back every other download until it had run. What it knows of the
 * index comes from its own tag's data- attributes, written by the build
 * (minutebook/outputs/search/layout.py).
 *
 * It records each file it asked for in window.MINUTEBOOK_SEARCH_AHEAD, which
 * search.js reads so as not to ask twice. A guess that turns out
 * wrong costs one file; whatever the search needs and is not here, it asks
 * for itself. How the files are named is said here only: search.js takes it
 * from window.MINUTEBOOK_SEARCH_FILES.
 */

/* The range a term falls in: the last whose first term (`firsts`, sorted) is not after it. */
function rangeIn(firsts, term) {
  var low = 0, high = firsts.length - 1;
  while (low < high) {
    var mid = (low + high + 1) >> 1;
    if (firsts[mid] <= term) low = mid; else high = mid - 1;
  }
  return low;
}

function wordsFile(range) { return "search/words/" + range + ".js"; }
function termsName(year, range) { return year + "-" + range; } // how the term files' data is keyed
function termsFile(name) { return "search/terms/" + name + ".js"; }

/* The files, as paths from the site root, that the plain words of `text` will need: each word's
 * range of terms, with every year's postings of it. Words are taken as lunr takes them (lower
 * case, edge punctuation trimmed as its trimmer does), but not stemmed: lunr is not loaded yet,
 * and the stemmer changes only a word's end, which almost never moves it to another range.
 * `index`: {ranges, years, separator, stopWords}, as the script tag's attributes give them. */
function filesAhead(index, text) {
  var out = [];
  (text || "").split(new RegExp(index.separator)).forEach(function (piece) {
    if (/[:^~*]/.test(piece)) return; // lunr's query language: what it asks for is the engine's to work out
    var word = piece.toLowerCase().replace(/^\W+/, "").replace(/\W+$/, "");
    if (!word || index.stopWords.indexOf(word) !== -1) return;
    var range = rangeIn(index.ranges, word), paths = [wordsFile(range)];
    index.years.forEach(function (year) { paths.push(termsFile(termsName(year, range))); });
    paths.forEach(function (path) { if (out.indexOf(path) === -1) out.push(path); });
  });
  return out;
}

/* What the tag says of the index. */
function settingsOf(tag) {
  return {
    ranges: JSON.parse(tag.getAttribute("data-ranges")),
    years: JSON.parse(tag.getAttribute("data-years")),
    separator: tag.getAttribute("data-separator"),
    stopWords: tag.getAttribute("data-stop-words").split(" ")
  };
}

/* Adds each file as a script; `asked[path]` is its script element, with `data-state` "loading",
 * "loaded" or "failed". The files' own code puts their data where search.js looks for it. */
function askAhead(document, tag, asked, paths) {
  // This script's own address, less "assets/search-ahead.js", is the site root, under any sub-path.
  var root = tag.src.slice(0, tag.src.lastIndexOf("/assets/") + 1);
  paths.forEach(function (path) {
    var script = document.createElement("script");
    script.src = root + path;
    script.setAttribute("data-state", "loading");
    script.addEventListener("load", function () { script.setAttribute("data-state", "loaded"); });
    script.addEventListener("error", function () { script.setAttribute("data-state", "failed"); });
    asked[path] = script;
    document.head.appendChild(script);
  });
}

var naming = { rangeIn: rangeIn, wordsFile: wordsFile, termsName: termsName, termsFile: termsFile };
if (typeof module === "object" && module.exports) {
  naming.filesAhead = filesAhead;
  naming.settingsOf = settingsOf;
  module.exports = naming;
} else {
  window.MINUTEBOOK_SEARCH_FILES = naming;
  foldFilters(document, window);
  askForTheAddress(document, window, document.currentScript);
}

/* On a phone the filters stand between the search box and the results, which a reader would have
 * to scroll to: there they start folded, unless the address chose one. Done here, in the first
 * script to run, so the page does not shift once the reader has started typing. */
function foldFilters(document, window) {
  var panel = document.getElementById("filter-panel");
  if (!panel || !window.matchMedia || !window.matchMedia("(max-width: 40rem)").matches) return;
  var address = new URLSearchParams(window.location.search);
  var chosen = ["year", "theme", "type", "kind", "result", "sort"].some(function (name) { return address.get(name); });
  if (!chosen) panel.open = false;
}

/* Asks for the files the words in the address (?q=) will need, recording each in
 * window.MINUTEBOOK_SEARCH_AHEAD; `tag` is this script's own. */
function askForTheAddress(document, window, tag) {
  var asked = window.MINUTEBOOK_SEARCH_AHEAD = {};
  var text = new URLSearchParams(window.location.search).get("q");
  if (!tag || !text) return;
  try {
    askAhead(document, tag, asked, filesAhead(settingsOf(tag), text));
  } catch (e) {
    // Only a head start is lost: the search asks for every file it needs itself.
  }
}
