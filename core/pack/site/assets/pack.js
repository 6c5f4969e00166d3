/*
 * Evidence Store: the search box and the filters of a pack's index.html.
 *
 * A classic script on purpose: the pack is opened by double-clicking index.html, often from a
 * \\server\share path, where a browser loads no modules and fetches no files. The page lists
 * everything without this script; it only shows the search section and makes it work. Its data
 * (window.evidencePackData) comes from search-index.js, lunr from lunr.min.js, both loaded before
 * it. It builds results with textContent only, never as HTML.
 */
(function () {
  'use strict';

  var DATA_GLOBAL = 'evidencePackData';
  var DATA_FORMAT = 1;
  /** Results shown at once; the count says how many there are. */
  var SHOW_AT_MOST = 200;
  var TYPING_PAUSE_MS = 150;
  /** A word this short is searched as it is, not as the start of longer ones (s* would be every item, slowly). */
  var MIN_PREFIX = 2;
  /** The longest edit distance a query may ask for (word~2): more makes lunr slow for nothing. */
  var MAX_EDIT_DISTANCE = 2;
  /** What separates words, as core/pack/site/search-index.ts indexes them (SEARCH_BREAK). */
  var BREAK = /[\s!-)+-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\ufe30-\ufe4f\uff01-\uff0f]+/g;
  var MARKS = /[\u0300-\u036f]/g;
  /** Characters of lunr's query syntax, taken as spaces when a query cannot be read as syntax. */
  var SYNTAX = /[:^~+*\-\\]/g;

  /** A query folded as the index's text was (searchable() in search-index.ts): no accents, compatibility forms folded. */
  function fold(text) {
    return String(text).normalize('NFKD').replace(MARKS, '').normalize('NFC');
  }

  /** A posting's documents ({ ref: metadata }) from their delta-coded numbers. */
  function documentsOf(deltas, none) {
    var docs = {};
    var ref = 0;
    for (var r = 0; r < deltas.length; r++) {
      ref += deltas[r];
      docs[ref] = none;
    }
    return docs;
  }

  /**
   * The compact index of search-index.ts back in lunr's own serialised form, for lunr.Index.load.
   * A pack's postings run to hundreds of thousands and a search reads a few of them, so each
   * term's documents per field are only made when lunr first reads them (a getter that replaces
   * itself). Their metadata is empty (the index keeps no positions) and lunr only reads it, so one
   * empty object serves them all.
   */
  function decodeIndex(compact) {
    var fields = compact.fields;
    var none = {};
    var invertedIndex = compact.terms.map(function (row) {
      var posting = { _index: row[1] };
      fields.forEach(function (field, f) {
        Object.defineProperty(posting, field, {
          configurable: true,
          enumerable: true,
          get: function () {
            var docs = documentsOf(row[2 + f] || [], none);
            Object.defineProperty(posting, field, { value: docs, configurable: true, enumerable: true, writable: true });
            return docs;
          },
        });
      });
      return [row[0], posting];
    });
    var fieldVectors = [];
    var documents = compact.vectors.length ? compact.vectors[0].length : 0;
    for (var d = 0; d < documents; d++) {
      for (var k = 0; k < fields.length; k++) {
        var packed = compact.vectors[k][d] || [];
        var elements = [];
        var term = 0;
        for (var e = 0; e < packed.length; e += 2) {
          term += packed[e];
          elements.push(term, packed[e + 1] / 1000);
        }
        fieldVectors.push([fields[k] + '/' + d, elements]);
      }
    }
    return { version: compact.version, fields: fields, fieldVectors: fieldVectors, invertedIndex: invertedIndex, pipeline: compact.pipeline };
  }

  function assign(target, source) {
    var out = {};
    Object.keys(target).forEach(function (key) { out[key] = target[key]; });
    Object.keys(source).forEach(function (key) { out[key] = source[key]; });
    return out;
  }

  /**
   * The clauses lunr runs for what someone typed. Lunr's syntax works (title:plan, -draft,
   * plan~1, safe*), and anything it cannot read (title:, ~, +-, a stray quote) is taken as plain
   * words instead of failing. Every word must be there (lunr's default is any word): a word
   * matches itself first and then any word it starts (safeg finds safeguarding; a single letter
   * only itself). Common words (the, and) are left out as the index left them out.
   */
  function queryClauses(lunr, fields, text) {
    var presence = lunr.Query.presence;
    var parsed = new lunr.Query(fields);
    try {
      new lunr.QueryParser(text, parsed).parse();
    } catch (_error) {
      parsed = new lunr.Query(fields);
      lunr.tokenizer(text.replace(SYNTAX, ' ')).forEach(function (token) {
        parsed.term(token.toString(), { presence: presence.REQUIRED });
      });
    }
    var clauses = [];
    parsed.clauses.forEach(function (clause) {
      if (typeof clause.term !== 'string') return;
      var wanted = clause.presence === presence.OPTIONAL ? presence.REQUIRED : clause.presence;
      var fuzzy = Math.min(clause.editDistance || 0, MAX_EDIT_DISTANCE);
      clause.term.split(BREAK).forEach(function (piece) {
        var term = piece;
        if (term.replace(/\*/g, '') === '') return;
        if (term.indexOf('*') === -1) {
          var token = new lunr.Token(term, {});
          if (!lunr.stopWordFilter(token)) return;
          term = lunr.stemmer(token).toString();
        }
        var base = { term: term, fields: clause.fields, boost: clause.boost, usePipeline: false, presence: wanted, wildcard: lunr.Query.wildcard.NONE };
        if (fuzzy > 0) {
          clauses.push(assign(base, { editDistance: fuzzy }));
        } else if (wanted === presence.REQUIRED && term.indexOf('*') === -1 && term.length >= MIN_PREFIX) {
          clauses.push(assign(base, { term: term + '*' }));
          clauses.push(assign(base, { presence: presence.OPTIONAL, boost: clause.boost * 10 }));
        } else {
          clauses.push(base);
        }
      });
    });
    return clauses;
  }

  /** The items matching `text`, best first ({ ref, score }); none for a query with no words left. */
  function search(lunr, index, text) {
    var clauses = queryClauses(lunr, index.fields, fold(text));
    if (clauses.length === 0) return [];
    try {
      return index.query(function (query) {
        clauses.forEach(function (clause) { query.clause(clause); });
      });
    } catch (_error) {
      return [];
    }
  }

  /** The index from search-index.js, or null when it is missing or not what this script reads. */
  function loadIndex(lunr, data) {
    if (!lunr || !data || data.format !== DATA_FORMAT || !data.index) return null;
    try {
      return lunr.Index.load(decodeIndex(data.index));
    } catch (_error) {
      return null;
    }
  }

  function plural(n, one, many) {
    return n.toLocaleString('en-GB') + ' ' + (n === 1 ? one : many);
  }

  function quoted(text) {
    return '\u201c' + text + '\u201d';
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function start() {
    var finder = document.getElementById('finder');
    var listing = document.getElementById('listing');
    if (!finder || !listing) return;
    var controls = {
      query: document.getElementById('search-query'),
      judgement: document.getElementById('filter-judgement'),
      team: document.getElementById('filter-team'),
      status: document.getElementById('filter-status'),
      clear: document.getElementById('filter-clear'),
    };
    var message = document.getElementById('finder-status');
    var results = document.getElementById('results');
    var data = window[DATA_GLOBAL];
    var lunr = window.lunr;
    var index = loadIndex(lunr, data);
    var sections = Array.prototype.slice.call(listing.querySelectorAll('section.judgement'));
    var lastMessage = null;
    var timer = null;

    finder.hidden = false;
    var noScript = document.getElementById('no-script');
    if (noScript) noScript.hidden = true;
    if (!index) {
      controls.query.disabled = true;
      var hint = document.getElementById('search-hint');
      if (hint) hint.textContent = 'Searching is not available: the file assets/search-index.js is missing or damaged. The filters still work.';
    }

    function say(text) {
      if (text === lastMessage) return;
      lastMessage = text;
      message.textContent = text;
    }

    function chosen() {
      return { judgement: controls.judgement.value, team: controls.team.value, status: controls.status.value };
    }

    function filtering(f) {
      return f.judgement !== '' || f.team !== '' || f.status !== '';
    }

    function statusPasses(status, stale, f) {
      return f.status === '' || (f.status === 'stale' ? stale : status === f.status);
    }

    /** Whether an item of the search data passes the filters. */
    function itemPasses(item, f) {
      if (f.judgement !== '') {
        var serves = item.serves.some(function (s) { return String(data.criteria[s[0]].judgement) === f.judgement; });
        if (f.judgement === 'other' ? item.serves.length > 0 : !serves) return false;
      }
      if (f.team !== '' && (f.team === 'none' ? item.team !== -1 : String(item.team) !== f.team)) return false;
      return statusPasses(item.status, item.stale, f);
    }

    function rowPasses(row, f) {
      if (f.team !== '' && row.getAttribute('data-team') !== f.team) return false;
      return statusPasses(row.getAttribute('data-status'), row.hasAttribute('data-stale'), f);
    }

    function show(node, visible) {
      node.classList.toggle('is-filtered-out', !visible);
    }

    /**
     * No search: the listing, with what the filters leave out hidden (on screen only: a print is
     * always the whole pack). A judgement alone keeps its gaps in view; a team or a status hides them.
     */
    function filterListing(f) {
      var narrowing = f.team !== '' || f.status !== '';
      var items = {};
      var criteria = 0;
      sections.forEach(function (section) {
        var inJudgement = f.judgement === '' || section.getAttribute('data-judgement') === f.judgement;
        var sectionShows = false;
        Array.prototype.forEach.call(section.querySelectorAll('tr.item'), function (row) {
          var passes = inJudgement && rowPasses(row, f);
          show(row, passes);
        });
        var blocks = section.querySelectorAll('.criterion');
        Array.prototype.forEach.call(blocks, function (block) {
          var visible = block.querySelectorAll('tr.item:not(.is-filtered-out)');
          var blockShows = inJudgement && (visible.length > 0 || !narrowing);
          show(block, blockShows);
          if (visible.length > 0) criteria += 1;
          Array.prototype.forEach.call(visible, function (row) { items[row.getAttribute('data-item')] = true; });
          sectionShows = sectionShows || blockShows;
        });
        if (blocks.length === 0) {
          var rows = section.querySelectorAll('tr.item:not(.is-filtered-out)');
          Array.prototype.forEach.call(rows, function (row) { items[row.getAttribute('data-item')] = true; });
          sectionShows = rows.length > 0;
        }
        show(section, sectionShows);
      });
      var count = Object.keys(items).length;
      if (!filtering(f)) say('');
      else if (count === 0) say('No evidence matches these filters.');
      else say('These filters leave ' + plural(count, 'item', 'items') + ' under ' + plural(criteria, 'criterion', 'criteria') + '.');
    }

    function resultItem(i) {
      var item = data.items[i];
      var li = element('li', 'result');
      var title;
      if (item.href) {
        title = element('a', 'title', item.title);
        title.href = item.href;
      } else {
        title = element('span', 'title', item.title);
      }
      li.appendChild(title);
      if (item.summary) li.appendChild(element('p', 'summary', item.summary));
      var facts = [item.team >= 0 ? data.teams[item.team] : 'No team given', data.statuses[item.status] || item.status];
      if (item.stale) facts.push('Past review date');
      if (item.date) facts.push('Dated ' + item.date);
      li.appendChild(element('p', 'facts', facts.join(' \u00b7 ')));
      var file = element('p', 'file');
      file.appendChild(element('span', 'file-path', item.path));
      if (item.facts) file.appendChild(document.createTextNode(' (' + item.facts + ')'));
      li.appendChild(file);
      if (item.changed) li.appendChild(element('p', 'flag flag-changed', 'The file changed after it was tagged: check it still shows this'));
      var serves = element('p', 'serves');
      serves.appendChild(element('span', 'label', item.serves.length ? 'Serves: ' : 'Not tagged against a criterion in this pack'));
      serves.appendChild(document.createTextNode(item.serves.map(function (s) {
        var c = data.criteria[s[0]];
        return c.id + ' ' + c.title + ' (' + s[1].toLowerCase() + ')';
      }).join('; ')));
      li.appendChild(serves);
      return li;
    }

    function showResults(text, f) {
      var found = search(lunr, index, text).map(function (r) { return Number(r.ref); }).filter(function (i) {
        return data.items[i] && itemPasses(data.items[i], f);
      });
      var list = document.createDocumentFragment();
      found.slice(0, SHOW_AT_MOST).forEach(function (i) { list.appendChild(resultItem(i)); });
      results.textContent = '';
      results.appendChild(list);
      results.hidden = found.length === 0;
      var filters = filtering(f) ? ' with these filters' : '';
      if (found.length === 0) {
        say('No matches for ' + quoted(text) + filters + '. Try fewer words, or other ones.');
      } else {
        var shown = found.length > SHOW_AT_MOST ? '; the first ' + SHOW_AT_MOST + ' are shown' : '';
        say(plural(found.length, 'item matches', 'items match') + ' ' + quoted(text) + filters + shown + '.');
      }
    }

    function apply() {
      clearTimeout(timer);
      var f = chosen();
      var text = index ? controls.query.value.trim() : '';
      show(listing, text === '');
      if (text === '') {
        results.hidden = true;
        results.textContent = '';
        filterListing(f);
      } else {
        showResults(text, f);
      }
    }

    controls.query.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(apply, TYPING_PAUSE_MS);
    });
    controls.query.addEventListener('search', apply);
    [controls.judgement, controls.team, controls.status].forEach(function (select) {
      select.addEventListener('change', apply);
    });
    controls.clear.addEventListener('click', function () {
      controls.query.value = '';
      controls.judgement.value = '';
      controls.team.value = '';
      controls.status.value = '';
      apply();
      (index ? controls.query : controls.judgement).focus();
    });
    // Coming back from a file with the Back button, the browser may restore what was typed and chosen.
    window.addEventListener('pageshow', apply);
    apply();
  }

  window.EvidencePack = { decodeIndex: decodeIndex, queryClauses: queryClauses, search: search, loadIndex: loadIndex, fold: fold, BREAK: BREAK };

  if (typeof document === 'undefined') return;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
