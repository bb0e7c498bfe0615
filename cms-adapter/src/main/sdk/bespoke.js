/*! Bespoke browser script @sdk.version@ | no dependencies | https://bespoke.dev/docs/web-integration */
(function (w, d) {
  'use strict';
  if (w.Bespoke && w.Bespoke.version) return;
  var me = d.currentScript;
  var user = w.BespokeConfig || {};
  function opt(name, attr, dflt) {
    if (user[name] !== undefined) return user[name];
    var v = me && me.getAttribute('data-' + attr);
    return v === null || v === undefined ? dflt : v;
  }
  var base = opt('endpoint', 'endpoint', me && me.src ? new URL(me.src, location.href).origin : '');
  var cfg = {
    space: opt('space', 'space', 'default'),
    channel: opt('channel', 'channel', 'web'),
    timeout: +opt('timeout', 'timeout', 400),
    consentRequired: String(opt('consentRequired', 'consent-required', false)) === 'true',
    key: opt('key', 'key', null),
    headers: user.headers || {}
  };
  var started = Date.now();
  var visitorId = null;
  var consent = readConsent();
  var seen = {};

  // Hide only the slots, only until they are decided or the timeout passes: layout is kept
  // (visibility, not display), and a page whose script never loads shows its defaults.
  var style = d.createElement('style');
  // The CSS animation reveals the slots at the timeout even when the page's main thread is too
  // busy to run the timer on time.
  style.textContent = '@keyframes bespoke-reveal{to{visibility:visible}}' +
    '[data-bespoke-slot]:not([data-bespoke-state]){visibility:hidden;animation:bespoke-reveal 0s ' + cfg.timeout + 'ms forwards}';
  (d.head || d.documentElement).appendChild(style);
  var reveal = setTimeout(function () { settleAll('timeout'); }, cfg.timeout);

  function slots() { return [].slice.call(d.querySelectorAll('[data-bespoke-slot]')); }

  function settle(el, state) { if (!el.hasAttribute('data-bespoke-state')) el.setAttribute('data-bespoke-state', state); }

  function settleAll(state) { slots().forEach(function (el) { settle(el, state); }); }

  // The bespoke_consent reader, the same forms as the server's (golden/consent-cookie.json runs
  // against both): pairs split on , & or |, key:value or key=value, optional double quotes, JSON
  // braces and one percent-decoding; a refusal wins. Each answer true, false or null (not known).
  function trim(s) { return s.replace(/^[ \t]+|[ \t]+$/g, ''); }

  function unquote(s) { s = trim(s); return s.length > 1 && s.charAt(0) === '"' && s.charAt(s.length - 1) === '"' ? s.slice(1, -1) : s; }

  // As RFC 6265 has browsers send cookies: split on ';', the value after the first '=', the
  // first cookie of a name wins.
  function cookie(name) {
    var parts = d.cookie.split(';');
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (eq >= 0 && parts[i].slice(0, eq).trim() === name) return unquote(parts[i].slice(eq + 1).trim());
    }
    return null;
  }

  // The words are declared here, not beside the function: the script reads consent while it
  // starts, before statements further down have run.
  function parseConsent(raw) {
    var KEYS = { p: 'personalization', personalization: 'personalization', personalisation: 'personalization',
      personalize: 'personalization', personalise: 'personalization', a: 'analytics', analytics: 'analytics', statistics: 'analytics' };
    var YES = ['1', 'true', 'yes', 'y', 'granted', 'on', 'allow'];
    var NO = ['0', 'false', 'no', 'n', 'denied', 'off', 'deny'];
    var c = { personalization: null, analytics: null };
    if (raw.length > 1024) return c;
    var t = raw;
    try { if (t.indexOf('%') >= 0) t = decodeURIComponent(t); } catch (e) { return c; }
    if (/[\x00-\x1f\x7f-\x9f]/.test(t)) return c;
    t = trim(t);
    if (t.length > 1 && t.charAt(0) === '{' && t.charAt(t.length - 1) === '}') t = t.slice(1, -1);
    t.split(/[,&|]/).slice(0, 16).forEach(function (pair) {
      var i = pair.search(/[:=]/);
      if (i <= 0) return;
      var k = unquote(pair.slice(0, i)).toLowerCase(), v = unquote(pair.slice(i + 1)).toLowerCase();
      var q = KEYS.hasOwnProperty(k) ? KEYS[k] : null;
      var s = YES.indexOf(v) >= 0 ? true : NO.indexOf(v) >= 0 ? false : null;
      if (q && s !== null && c[q] !== false) c[q] = s;
    });
    return c;
  }

  function readConsent() {
    var raw = cookie('bespoke_consent');
    return raw === null ? user.consent || null : parseConsent(raw);
  }

  function writeConsent(c) {
    d.cookie = 'bespoke_consent=' + encodeURIComponent('p:' + (c.personalization ? 1 : 0) + ',a:' + (c.analytics ? 1 : 0)) +
      ';path=/;max-age=31536000;SameSite=Lax' + (location.protocol === 'https:' ? ';Secure' : '');
  }

  // An answer not known is the space's default: allowed unless the space requires consent.
  function allowed(v) { return v === true || (v !== false && !cfg.consentRequired); }

  function personalizationAllowed() { return allowed(consent && consent.personalization); }

  function analyticsAllowed() { return allowed(consent && consent.analytics); }

  // Only known answers are stated; where consent is required, not known is sent as a refusal.
  function consentForRequest() {
    function answer(v) { return v === true || v === false ? v : cfg.consentRequired ? false : undefined; }
    var c = { personalization: answer(consent && consent.personalization), analytics: answer(consent && consent.analytics) };
    return c.personalization === undefined && c.analytics === undefined ? undefined : c;
  }

  function headers() {
    var h = { 'Content-Type': 'application/json' };
    if (cfg.key) h['X-Bespoke-Key'] = cfg.key;
    for (var k in cfg.headers) h[k] = cfg.headers[k];
    return h;
  }

  function decide() {
    var els = slots();
    var names = [];
    els.forEach(function (el) {
      var n = el.getAttribute('data-bespoke-slot');
      if (names.indexOf(n) < 0 && names.length < 20) names.push(n);
    });
    if (!names.length) { clearTimeout(reveal); return Promise.resolve(null); }
    var left = cfg.timeout - (Date.now() - started);
    if (left <= 0) { settleAll('timeout'); return Promise.resolve(null); }
    var ctl = w.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (ctl) ctl.abort(); settleAll('timeout'); }, left);
    var body = {
      space: cfg.space, channel: cfg.channel, slots: names,
      page: { url: location.href, referrer: d.referrer || undefined },
      consent: consentForRequest()
    };
    if (visitorId) body.visitorId = visitorId;
    return fetch(base + '/api/v1/decisions', {
      method: 'POST', headers: headers(), body: JSON.stringify(body),
      credentials: 'include', signal: ctl ? ctl.signal : undefined
    }).then(function (r) {
      if (!r.ok) throw new Error('decisions ' + r.status);
      return r.json();
    }).then(function (answer) {
      clearTimeout(timer);
      clearTimeout(reveal);
      visitorId = answer.visitorId || visitorId;
      var bySlot = {};
      (answer.decisions || []).forEach(function (dec) { bySlot[dec.slot] = dec; });
      els.forEach(function (el) {
        if (el.getAttribute('data-bespoke-state') === 'timeout') return;
        var dec = bySlot[el.getAttribute('data-bespoke-slot')];
        if (dec && dec.variant) render(el, dec);
        settle(el, dec && dec.variant ? 'rendered' : 'default');
      });
      return answer;
    }).catch(function () {
      clearTimeout(timer);
      settleAll('default');
      return null;
    });
  }

  function render(el, dec) {
    var v = dec.variant;
    var tpl = el.querySelector('template');
    if (v.html) {
      // The server sanitised this HTML when the variant was published.
      el.innerHTML = v.html;
    } else if (tpl) {
      var frag = tpl.content.cloneNode(true);
      fill(frag, v.fields || {});
      [].slice.call(el.childNodes).forEach(function (n) { if (n !== tpl) el.removeChild(n); });
      el.appendChild(frag);
    } else {
      builtin(el, v.fields || {});
    }
    el.setAttribute('data-bespoke-variant', v.key);
    track(el, dec);
  }

  function fill(root, fields) {
    [].slice.call(root.querySelectorAll('[data-field]')).forEach(function (n) {
      var val = fields[n.getAttribute('data-field')];
      if (val !== undefined && val !== null) n.textContent = typeof val === 'object' ? JSON.stringify(val) : String(val);
    });
    ['href', 'src'].forEach(function (a) {
      [].slice.call(root.querySelectorAll('[data-field-' + a + ']')).forEach(function (n) {
        var url = fields[n.getAttribute('data-field-' + a)];
        if (typeof url === 'string' && safeUrl(url)) n.setAttribute(a, url);
      });
    });
  }

  // Read the scheme as the browser will: the URL parser drops leading spaces and C0 controls and
  // every tab and newline first, so ' java\tscript:' is javascript:. A relative URL takes the page's.
  function safeUrl(u) {
    try { return /^https?:$/.test(new URL(u, location.href).protocol); } catch (e) { return false; }
  }

  function builtin(el, f) {
    var box = d.createDocumentFragment();
    function add(tag, text, attrs) {
      if (!text) return;
      var n = d.createElement(tag);
      n.textContent = text;
      for (var a in attrs || {}) n.setAttribute(a, attrs[a]);
      box.appendChild(n);
    }
    add('h2', f.title);
    add('p', f.body);
    if (f.ctaUrl && safeUrl(f.ctaUrl)) add('a', f.ctaText || f.ctaUrl, { href: f.ctaUrl });
    if (!box.childNodes.length) return;
    el.textContent = '';
    el.appendChild(box);
  }

  function track(el, dec) {
    el.bespokeDecision = dec.decisionId;
    if (!el.bespokeClicks) {
      el.bespokeClicks = 1;
      el.addEventListener('click', function (e) {
        var a = e.target && e.target.closest ? e.target.closest('a') : null;
        if (a && el.contains(a)) send([{ type: 'click', decisionId: el.bespokeDecision, properties: { slot: el.getAttribute('data-bespoke-slot') } }]);
      });
    }
    // Counted once per decision, and only once it is actually sent: a decision id seen before
    // consent (same visitor, slot, variant and second) must still be reported after it.
    var once = function () {
      if (seen[dec.decisionId]) return true;
      if (!send([{ type: 'impression', decisionId: dec.decisionId }])) return false;
      seen[dec.decisionId] = 1;
      return true;
    };
    if (!w.IntersectionObserver) return once();
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) { if (en.intersectionRatio >= 0.5 && once()) io.disconnect(); });
    }, { threshold: [0.5] });
    io.observe(el);
  }

  function send(events) {
    if (!analyticsAllowed()) return false;
    var body = JSON.stringify({ space: cfg.space, visitorId: visitorId || undefined, events: events });
    var url = base + '/api/v1/events';
    // A beacon survives the page unloading on a link click; it cannot carry extra headers.
    if (!cfg.key && navigator.sendBeacon && navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }))) return true;
    fetch(url, { method: 'POST', headers: headers(), body: body, credentials: 'include', keepalive: true }).catch(function () {});
    return true;
  }

  var api = {
    version: '@sdk.version@',
    config: cfg,
    consent: function (c) {
      var before = personalizationAllowed();
      consent = { personalization: !!(c && c.personalization), analytics: !!(c && c.analytics) };
      writeConsent(consent);
      if (!before && consent.personalization) return api.refresh();
      return Promise.resolve(null);
    },
    track: function (event) {
      if (typeof event === 'string') event = { type: 'custom', name: event };
      return send([event]);
    },
    refresh: function () {
      started = Date.now();
      slots().forEach(function (el) { el.removeAttribute('data-bespoke-state'); });
      reveal = setTimeout(function () { settleAll('timeout'); }, cfg.timeout);
      return decide();
    },
    visitorId: function () { return visitorId; },
    readConsent: readConsent,
    ready: null
  };
  w.Bespoke = api;
  api.ready = new Promise(function (resolve) {
    if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', function () { resolve(decide()); });
    else resolve(decide());
  });
})(window, document);
