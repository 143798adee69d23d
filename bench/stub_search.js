/* Put in place of assets/search.js in a copy of the built site (bench/run.py), to time the search page
 * with no searching: it runs where search.js would, after lunr and search/index.js, waits for the files
 * search-ahead.js asked for the word in the address, then draws one placeholder result. The time to
 * that placeholder is what the page, the network and the files cost before any search work. */
(function () {
  "use strict";
  var ahead = window.MINUTEBOOK_SEARCH_AHEAD || {}, waiting = Object.keys(ahead).length;
  function arrived() {
    if (--waiting > 0) return;
    var item = document.createElement("li");
    item.textContent = "placeholder";
    document.getElementById("search-results").appendChild(item);
  }
  if (!waiting) { // nothing was asked for ahead: draw at once
    waiting = 1;
    arrived();
  }
  Object.keys(ahead).forEach(function (path) {
    var script = ahead[path];
    if (script.getAttribute("data-state") === "loaded") arrived();
    else script.addEventListener("load", arrived);
  });
})();
