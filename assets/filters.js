/* Filters on the lists of meetings, actions and decisions.
 *
 * The page holds the whole list, each row with its facets as data attributes
 * (data-committee="planning", data-theme="parks streets"), and a form of
 * filters, hidden: without this script, and on paper, every row is shown and
 * no control is offered that would do nothing. This script shows the form,
 * hides the rows that do not match what is chosen, hides a group (a year, a
 * status) left with none, says how many rows are shown in a polite live region,
 * and keeps the choices in the address (?committee=planning&result=lost), so a
 * filtered list is a link to share and survives a reload.
 *
 * No inline code and no eval: it works under Content-Security-Policy:
 * default-src 'self', and from disk.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-list-filters]");
  if (!form || !window.URLSearchParams) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("main [data-row]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("main [data-filter-group]"));
  var unfiltered = Array.prototype.slice.call(document.querySelectorAll("main [data-unfiltered]"));
  var count = form.querySelector(".filter-count");
  var clear = form.querySelector("[data-clear-filters]");

  function chosen() {
    return selects.filter(function (s) { return s.value; });
  }

  function matches(row, choices) {
    return choices.every(function (s) {
      // A theme is one of several a row may have, separated by spaces; the others have one value.
      return (row.getAttribute("data-" + s.name) || "").split(" ").indexOf(s.value) !== -1;
    });
  }

  function apply() {
    var choices = chosen();
    var shown = {}; // by row key: a decision listed by year and again by result is one decision
    rows.forEach(function (row) {
      var match = matches(row, choices);
      row.hidden = !match;
      if (match) shown[row.getAttribute("data-row")] = true;
    });
    groups.forEach(function (group) {
      group.hidden = choices.length > 0 && !group.querySelector("[data-row]:not([hidden])");
    });
    // Contents, counts and summaries of the whole list would point at what is hidden, or count it.
    unfiltered.forEach(function (el) { el.hidden = choices.length > 0; });
    var n = Object.keys(shown).length;
    var plural = form.getAttribute("data-plural");
    var shownText = (n === 1 ? "1 " + form.getAttribute("data-noun") : n + " " + plural) + " shown";
    count.textContent = n === 0 ? "No " + plural + " match these filters. " + shownText + "." : shownText;
    clear.hidden = choices.length === 0;
  }

  function remember() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      if (s.value) params.set(s.name, s.value); else params.delete(s.name);
    });
    var query = params.toString();
    if ((query ? "?" + query : "") === window.location.search) return;
    try {
      window.history.replaceState(null, "", (query ? "?" + query : window.location.pathname) + window.location.hash);
    } catch (e) { /* some browsers refuse for pages opened from disk; the filters still work */ }
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var wanted = params.get(s.name) || "";
      // Only a choice the list offers: an old link to a value no longer there shows everything.
      var offered = Array.prototype.some.call(s.options, function (o) { return o.value === wanted; });
      s.value = offered ? wanted : "";
    });
  }

  restore();
  form.hidden = false;
  apply();
  form.addEventListener("change", function () { apply(); remember(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  clear.addEventListener("click", function () {
    selects.forEach(function (s) { s.value = ""; });
    apply();
    remember();
    selects[0].focus();
  });
}());
