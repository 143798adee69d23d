/* People and abbreviations: the people whose name was asked for (search/index.js's
 * `people`), and the searches that put an abbreviation in place of what it stands for, or
 * the other way round (its `glossary`). PREFIX_FROM and FUZZY_FROM are engine.js's.
 */

/* peopleNamed(parsed): the people a search asks for, as {name, url, about}. */
function peopleAsked(data, words) {
  var stemOf = words.stemOf, tokensOf = words.tokensOf, meaningful = words.meaningful;

  var people = (data.people || []).map(function (p) {
    function words(text) { return tokensOf(text || "").map(function (t) { return t.word; }); }
    return { name: p[0], url: p[1], about: p[2], words: words(p[0]), roles: words(p[3]) };
  });

  /* The people asked for: every word typed is in their name (the last, while typed, as a beginning;
   * a long one also by a close spelling, "Tracy" for "Tracey") or in a role they held, and at least
   * one is in their name ("Chief Constable Pippa Mills"). Those named exactly come first. */
  function peopleNamed(parsed) {
    var words = meaningful(parsed), last = parsed.typing ? parsed.words[parsed.words.length - 1] : null;
    if (!words.length) return [];
    var found = [];
    people.forEach(function (person) {
      var named = 0, close = 0;
      var every = words.every(function (w) {
        if (person.words.some(function (n) { return n === w || stemOf(n) === stemOf(w) || (w === last && w.length >= PREFIX_FROM && n.indexOf(w) === 0); })) return ++named;
        if (w.length >= FUZZY_FROM && person.words.some(function (n) { return withinEdits(n, w, w.length > 6 ? 2 : 1); })) return ++named && ++close;
        return person.roles.some(function (r) { return r === w || stemOf(r) === stemOf(w); });
      });
      if (every && named) found.push({ person: person, close: close });
    });
    return found.sort(function (a, b) { return a.close - b.close; }).map(function (f) {
      return { name: f.person.name, url: f.person.url, about: f.person.about };
    });
  }

  return peopleNamed;
}

/* abbreviated(parsed): what was typed, with abbreviations and what they stand for swapped. */
function abbreviations(data, words) {
  var stemOf = words.stemOf, trim = words.trim, tokensOf = words.tokensOf;

  // Each abbreviation with the words of what it stands for; "KSIs" is the plural of "KSI".
  var glossary = (data.glossary || []).map(function (g) {
    return { abbreviation: g[0], expansion: g[1], word: trim(g[0]), words: tokensOf(g[1]).map(function (t) { return t.word; }) };
  });

  /* Searches that differ from what was typed by an abbreviation in place of what it stands for, or
   * the other way round: [{parsed, shown, specific}], shown as "ANPR (Automatic Number Plate Recognition)".
   * An abbreviation in place of its words is `specific`: what uses it is as good an answer as what was
   * typed. Words in place of an abbreviation are common words ("roads", "partnership"), so what they
   * find comes after what the abbreviation itself found. */
  function abbreviated(parsed) {
    var words = parsed.words, out = [], tried = Object.create(null);
    function add(changed, entry, specific) {
      var key = changed.join(" ");
      if (tried[key] || key === words.join(" ")) return;
      tried[key] = true;
      var typing = parsed.typing && changed[changed.length - 1] === words[words.length - 1];
      out.push({ parsed: { rest: changed.join(" "), phrases: parsed.phrases, words: changed, typing: typing }, shown: entry.abbreviation + " (" + entry.expansion + ")", specific: specific });
    }
    glossary.forEach(function (entry) {
      if (!entry.word || !entry.words.length) return;
      words.forEach(function (w, i) {
        if (w === entry.word || w === entry.word + "s") add(words.slice(0, i).concat(entry.words, words.slice(i + 1)), entry, false);
      });
      var at = placeOfWords(words, entry.words);
      if (at !== -1) add(words.slice(0, at).concat([entry.word], words.slice(at + entry.words.length)), entry, true);
    });
    return out;
  }

  /* Where `sought` stands in `words`, compared as index terms, or -1. */
  function placeOfWords(words, sought) {
    for (var i = 0; i + sought.length <= words.length; i++) {
      var j = 0;
      while (j < sought.length && stemOf(words[i + j]) === stemOf(sought[j])) j++;
      if (j === sought.length) return i;
    }
    return -1;
  }

  return abbreviated;
}

/* Whether `a` becomes `b` with at most `most` letters added, removed or changed. */
function withinEdits(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return false;
  var row = [];
  for (var j = 0; j <= b.length; j++) row.push(j);
  for (var i = 1; i <= a.length; i++) {
    var diagonal = row[0], least = row[0] = i;
    for (j = 1; j <= b.length; j++) {
      var above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
      least = Math.min(least, row[j]);
    }
    if (least > most) return false;
  }
  return row[b.length] <= most;
}
