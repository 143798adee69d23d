/* Stems shorter than an unfinished word, which a word beginning with it can have.
 *
 * While a word is being typed, "operati" may become "operational", which the index
 * holds as "oper": `shorterStems` finds such stems, so a search can match them as the
 * finished word will, without reading documents to find out.
 */

/* What lunr's (Porter's) stemmer can take off the end of a word, as it stands in the word. Its rules
 * remove some endings outright; others they rewrite, in part or whole, into an ending a later rule
 * removes ("ational" becomes "ate", which goes; "enci" becomes "ence", whose "e" goes), and what stands
 * before such an ending may go with it ("ic" + "ation": "ication" becomes "icate", then "ic", then
 * nothing). One removal may follow another ("ent" + "ative" in "representative"). A final "i" of the
 * rules is a "y" in the word ("ability"), and an inflection may follow ("findings", "operating").
 * Worked out the first time a search needs them, not while the page opens. */
var removedEndings = null;
function removedEndingsOnce() {
  return removedEndings || (removedEndings = removedEndingsOf());
}
function removedEndingsOf() {
  var REWRITTEN = {
    ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble", alli: "al", entli: "ent",
    eli: "e", ousli: "ous", ization: "ize", ation: "ate", ator: "ate", alism: "al", iveness: "ive", fulness: "ful",
    ousness: "ous", aliti: "al", iviti: "ive", biliti: "ble", logi: "log", icate: "ic", alize: "al", iciti: "ic",
    ical: "ic", at: "ate", bl: "ble", iz: "ize" // the last three: what is left once "ed" or "ing" goes
  };
  var removed = ("al ance ence er ic able ible ant ement ment ent ion ou ism ate iti ous ive ize ative ful ness e").split(" ");
  function add(ending) { if (ending && removed.indexOf(ending) === -1) removed.push(ending); }
  for (var round = 0; round < 3; round++) { // each round follows one more rewriting
    Object.keys(REWRITTEN).forEach(function (ending) {
      var into = REWRITTEN[ending], same = 0;
      while (same < into.length && into[same] === ending[same]) same++;
      if (same < into.length && removed.indexOf(into.slice(same)) !== -1) add(ending.slice(same)); // "enci": "i"
      if (same === into.length) add(ending.slice(same)); // "logi" becomes "log": "i" goes
      removed.slice().forEach(function (gone) {
        if (gone.length >= into.length && gone.slice(gone.length - into.length) === into) add(gone.slice(0, gone.length - into.length) + ending);
        if (gone.length < into.length && into.slice(-gone.length) === gone && ending.lastIndexOf(into.slice(0, -gone.length), 0) === 0) {
          add(ending.slice(into.length - gone.length)); // "tional" becomes "tion", whose "ion" goes: "ional"
        }
      });
    });
  }
  removed.slice().forEach(function (ending) { if (ending.slice(-1) === "i") add(ending.slice(0, -1) + "y"); });
  return [""].concat(removed);
}
var INFLECTIONS = ["", "s", "es", "d", "ed", "ing", "ings", "ies", "ied", "ly"];

/* Whether `part` and what is left of a cut, `rest`, could line up: one begins the other. */
function fits(part, rest) { return part.lastIndexOf(rest, 0) === 0 || rest.lastIndexOf(part, 0) === 0; }

/* Whether some word `kept` + `doubled` + an ending that begins with `cut` stems to `kept`: an ending is
 * one or two of the removed endings and an inflection. Parts that cannot line up with the cut are never
 * tried, so few words go through the stemmer (`stem`). */
function stemsTo(kept, doubled, cut, stem) {
  var endings = removedEndingsOnce();
  for (var i = 0; i < endings.length; i++) {
    var first = endings[i];
    if (!fits(first, cut)) continue;
    var afterFirst = cut.slice(Math.min(first.length, cut.length));
    for (var j = 0; j < endings.length; j++) {
      if (afterFirst && !fits(endings[j], afterFirst)) continue;
      for (var k = 0; k < INFLECTIONS.length; k++) {
        var ending = first + endings[j] + INFLECTIONS[k];
        if ((ending || doubled) && ending.lastIndexOf(cut, 0) === 0 && stem(kept + doubled + ending) === kept) return true;
      }
    }
  }
  return false;
}

/* The stems shorter than `typed` (of at least `from` letters, and held by the index: `isTerm`) that a
 * word beginning with it can have: "operati" may become "operational", held as "oper". "child" is not
 * among them for "children", so no document with "child" is read to find out. */
function shorterStems(typed, from, stem, isTerm) {
  var out = [];
  for (var n = from; n < typed.length; n++) {
    var kept = typed.slice(0, n), cut = typed.slice(n);
    if (!isTerm(kept)) continue;
    // A doubled last letter goes too: "hopping" is held as "hop", "controlling" as "control".
    if (stemsTo(kept, "", cut, stem) || (cut[0] === kept.slice(-1) && stemsTo(kept, cut[0], cut.slice(1), stem))) out.push(kept);
  }
  return out;
}
