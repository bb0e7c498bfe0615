// Segment builder: rows of attribute / operator / value inside any / all / not groups, kept in
// sync with the JSON view (the textarea the form posts). Without JavaScript the JSON view is the
// editor; with it, both views edit the same rule.
(function () {
  'use strict';
  var root = document.getElementById('builder');
  var json = document.getElementById('rule');
  if (!root || !json) { return; }
  var catalog = JSON.parse(root.getAttribute('data-catalog'));
  var errors = JSON.parse(root.getAttribute('data-errors') || '[]');
  var byName = {};
  catalog.forEach(function (a) { byName[a.name] = a; });
  var model;

  function specFor(attr) {
    if (byName[attr]) { return byName[attr]; }
    var ns = (attr || '').split('.')[0];
    return catalog.filter(function (a) { return a.family && a.name.indexOf(ns + '.') === 0; })[0];
  }
  function isGroup(n) { return n && (n.all || n.any); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }
  var uid = 0;
  function labelled(labelText, control) {
    var id = 'b' + (++uid);
    control.id = id;
    var l = el('label', { 'for': id, 'class': 'sr' }, labelText);
    l.style.position = 'absolute'; l.style.left = '-9999px';
    var wrap = el('span');
    wrap.appendChild(l); wrap.appendChild(control);
    return wrap;
  }
  function button(text, onClick) {
    var b = el('button', { type: 'button' }, text);
    b.addEventListener('click', function () { onClick(); changed(); });
    return b;
  }
  function valueText(v) { return Array.isArray(v) ? v.join(', ') : (v === undefined ? '' : String(v)); }
  function parseValue(text, op, spec) {
    var numeric = spec && (spec.type === 'NUMBER');
    var one = function (s) {
      s = s.trim();
      if (spec && spec.type === 'BOOLEAN') { return s === 'true'; }
      if (numeric || (spec && spec.type === 'ANY' && /^-?\d+(\.\d+)?$/.test(s))) {
        var n = Number(s); return isNaN(n) ? s : n;
      }
      return s;
    };
    if (op === 'in' || op === 'notIn' || op === 'between') {
      return text.split(',').filter(function (s) { return s.trim() !== ''; }).map(one);
    }
    return one(text);
  }

  function leafRow(node, path, replace) {
    var row = el('div', { 'class': 'rule-row', 'data-path': path });
    var attr = el('input', { list: 'attributes', value: node.attr || '', 'data-role': 'attr' });
    attr.addEventListener('change', function () { node.attr = attr.value.trim(); changed(); render(); });
    row.appendChild(labelled('Attribute', attr));
    var spec = specFor(node.attr);
    var op = el('select', { 'data-role': 'op' });
    var ops = spec ? spec.operators : ['eq'];
    ops.forEach(function (o) {
      var opt = el('option', { value: o }, o);
      if (o === node.op) { opt.selected = true; }
      op.appendChild(opt);
    });
    if (!node.op) { node.op = ops[0]; }
    op.addEventListener('change', function () { node.op = op.value; changed(); render(); });
    row.appendChild(labelled('Operator', op));
    if (node.op !== 'exists' && node.op !== 'notExists') {
      var value = el('input', { value: valueText(node.value), 'data-role': 'value',
        placeholder: (node.op === 'in' || node.op === 'notIn') ? 'a, b, c' : 'value' });
      value.addEventListener('input', function () { node.value = parseValue(value.value, node.op, spec); changed(); });
      row.appendChild(labelled('Value', value));
    } else { delete node.value; }
    if (spec && spec.windowed) {
      var within = el('input', { value: node.within || '', placeholder: 'within, e.g. P30D', 'data-role': 'within' });
      within.addEventListener('input', function () {
        if (within.value.trim()) { node.within = within.value.trim(); } else { delete node.within; }
        changed();
      });
      row.appendChild(labelled('Within', within));
    }
    if (spec) { row.appendChild(el('span', { 'class': 'muted' }, spec.description)); }
    row.appendChild(button('Remove', function () { replace(null); render(); }));
    return row;
  }

  function groupBox(node, path, replace) {
    var kind = node.all ? 'all' : 'any';
    var box = el('div', { 'class': 'rule-group', role: 'group', 'data-path': path });
    var head = el('div', { 'class': 'rule-row' });
    var sel = el('select', { 'data-role': 'group-kind' });
    [['all', 'All of these are true'], ['any', 'Any of these is true']].forEach(function (k) {
      var o = el('option', { value: k[0] }, k[1]);
      if (k[0] === kind) { o.selected = true; }
      sel.appendChild(o);
    });
    sel.addEventListener('change', function () {
      var items = node[kind]; delete node[kind]; node[sel.value] = items; changed(); render();
    });
    head.appendChild(labelled('Group', sel));
    box.appendChild(head);
    node[kind].forEach(function (child, i) {
      box.appendChild(renderNode(child, path + '.' + kind + '[' + i + ']', function (n) {
        if (n === null) { node[kind].splice(i, 1); } else { node[kind][i] = n; }
      }));
    });
    var actions = el('div', { 'class': 'actions' });
    actions.appendChild(button('Add condition', function () { node[kind].push({ attr: 'geo.country', op: 'eq', value: '' }); render(); }));
    actions.appendChild(button('Add group', function () { node[kind].push({ any: [{ attr: 'utm.source', op: 'eq', value: '' }] }); render(); }));
    actions.appendChild(button('Add NOT', function () { node[kind].push({ not: { attr: 'visit.count', op: 'eq', value: 1 } }); render(); }));
    if (replace) { actions.appendChild(button('Remove group', function () { replace(null); render(); })); }
    box.appendChild(actions);
    return box;
  }

  function notBox(node, path, replace) {
    var box = el('div', { 'class': 'rule-group', role: 'group', 'data-path': path });
    box.appendChild(el('strong', {}, 'Not:'));
    box.appendChild(renderNode(node.not, path + '.not', function (n) { if (n === null) { replace(null); } else { node.not = n; } }));
    return box;
  }

  function renderNode(node, path, replace) {
    if (isGroup(node)) { return groupBox(node, path, replace); }
    if (node && node.not) { return notBox(node, path, replace); }
    return leafRow(node, path, replace);
  }

  function markErrors() {
    errors.forEach(function (e) {
      var field = e.field || '';
      var rows = Array.prototype.slice.call(root.querySelectorAll('[data-path]'));
      var best = null;
      rows.forEach(function (r) {
        var p = r.getAttribute('data-path');
        if ((field === p || field.indexOf(p + '.') === 0 || field.indexOf(p + '[') === 0) &&
            (!best || p.length > best.getAttribute('data-path').length)) { best = r; }
      });
      if (best) {
        best.classList.add('has-error');
        best.appendChild(el('span', { 'class': 'row-error', role: 'alert' }, e.message));
      }
    });
  }

  function render() {
    root.innerHTML = '';
    if (!model || typeof model !== 'object') { model = { all: [] }; }
    if (!isGroup(model)) { model = { all: [model] }; }
    root.appendChild(groupBox(model, 'rule', null));
    markErrors();
  }
  function changed() {
    errors = [];
    json.value = JSON.stringify(model, null, 2);
  }
  json.addEventListener('input', function () {
    try { model = JSON.parse(json.value); errors = []; render(); } catch (e) { /* keep the tree until the JSON parses */ }
  });
  try { model = JSON.parse(json.value || '{"all":[]}'); } catch (e) { model = { all: [] }; }
  var list = el('datalist', { id: 'attributes' });
  catalog.forEach(function (a) { list.appendChild(el('option', { value: a.family ? a.name.split('<')[0] : a.name }, a.description)); });
  document.body.appendChild(list);
  render();
})();
