/* The search page: matches a query against the prebuilt index (search-index.js) and lists the rules and facts it finds. */
(function (global) {
  'use strict';

  /** Full-width letters and digits to half-width, lower case, runs of space to one. */
  function normalize(text) {
    return String(text || '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  }

  /** The two-character pieces of a word, spaces dropped: how Chinese text is matched when the exact phrase is not there. */
  function bigrams(text) {
    var compact = text.replace(/\s+/g, '');
    var pieces = [];
    for (var i = 0; i + 1 < compact.length; i += 1) pieces.push(compact.slice(i, i + 2));
    return pieces;
  }

  /** The words of a query; Chinese needs no spaces, so a phrase without spaces is one word. */
  function termsOf(query) {
    var normalized = normalize(query);
    return normalized === '' ? [] : normalized.split(' ');
  }

  /** Each entry's text, normalised once per index: the title, and the rest (citation or unit, context, id). */
  var prepared = null;
  var preparedFor = null;
  function prepare(index) {
    if (preparedFor !== index) {
      prepared = [];
      for (var i = 0; i < index.entries.length; i += 1) {
        var entry = index.entries[i];
        prepared.push({ title: normalize(entry.t), rest: normalize([entry.l, index.contexts[entry.c].n].join(' ')), id: normalize(entry.i) });
      }
      preparedFor = index;
    }
    return prepared;
  }

  /**
   * How well one entry matches every term: its exact id counts most, then a term found whole (more in the
   * title), then a term of three characters or more matching by most of its bigrams; a term that matches
   * none of these ways rules the entry out.
   */
  function scoreEntry(text, terms) {
    var total = 0;
    for (var n = 0; n < terms.length; n += 1) {
      var term = terms[n];
      if (text.id === term) total += 30;
      else if (text.title.indexOf(term) >= 0) total += 10 + (text.title === term ? 5 : 0);
      else if (text.rest.indexOf(term) >= 0 || text.id.indexOf(term) >= 0) total += 6;
      else {
        var pieces = bigrams(term);
        if (pieces.length < 2) return 0;
        var haystack = text.title + ' ' + text.rest;
        var found = 0;
        for (var p = 0; p < pieces.length; p += 1) if (haystack.indexOf(pieces[p]) >= 0) found += 1;
        var share = found / pieces.length;
        if (share < 0.6) return 0;
        total += 4 * share;
      }
    }
    return total;
  }

  /** The entries matching the query, best first; ties keep the index's order (documents, then facts). */
  function search(index, query, limit) {
    var terms = termsOf(query);
    if (terms.length === 0) return { total: 0, hits: [] };
    var texts = prepare(index);
    var scored = [];
    for (var i = 0; i < index.entries.length; i += 1) {
      var score = scoreEntry(texts[i], terms);
      if (score > 0) scored.push({ score: score, order: i, entry: index.entries[i], context: index.contexts[index.entries[i].c] });
    }
    scored.sort(function (a, b) {
      return b.score - a.score || a.order - b.order;
    });
    return { total: scored.length, hits: scored.slice(0, limit || 50) };
  }

  global.anquanSearch = { normalize: normalize, bigrams: bigrams, search: search };

  if (typeof document === 'undefined') return;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(index, query, list, status) {
    var result = search(index, query, 50);
    list.textContent = '';
    if (termsOf(query).length === 0) {
      status.textContent = '输入条目或事实的名称，例如“瓦斯”“疏散”。';
      return;
    }
    status.textContent =
      result.total === 0 ? '没有找到“' + query + '”。' : '找到 ' + result.total + ' 项' + (result.total > result.hits.length ? '，显示前 ' + result.hits.length + ' 项' : '') + '。';
    for (var i = 0; i < result.hits.length; i += 1) {
      var hit = result.hits[i];
      var entry = hit.entry;
      var item = element('li', entry.k === 'r' ? 'hit rule' : 'hit fact');
      var link = element('a');
      link.href = hit.context.p + entry.h;
      if (entry.k === 'r' && entry.l) link.appendChild(element('span', 'label', entry.l + ' '));
      link.appendChild(element('span', 'title', entry.t));
      item.appendChild(link);
      var where = element('span', 'where', (entry.k === 'r' ? '条目 · ' : '事实' + (entry.l ? '（' + entry.l + '）' : '') + ' · ') + hit.context.n);
      item.appendChild(where);
      item.appendChild(element('code', 'dev', entry.i));
      list.appendChild(item);
    }
  }

  function start() {
    var form = document.getElementById('search-form');
    var input = document.getElementById('search-input');
    var list = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    var index = global.anquanSearchIndex;
    if (!form || !input || !list || !status) return;
    if (!index) {
      status.textContent = '搜索索引未能加载。';
      return;
    }
    var query = new URLSearchParams(global.location.search).get('q') || '';
    input.value = query;
    render(index, query, list, status);
    input.addEventListener('input', function () {
      render(index, input.value, list, status);
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      render(index, input.value, list, status);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : globalThis);
