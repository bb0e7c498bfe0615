// The demo's persona, kept in sessionStorage, turned into what the browser script sends.
(function () {
  var p = JSON.parse(sessionStorage.getItem('bespoke-demo-persona') || '{}');
  var headers = {};
  // The demo profile trusts CF-IPCountry, as a site behind Cloudflare would.
  if (p.country) headers['CF-IPCountry'] = p.country;
  if (p.token) headers.Authorization = 'Bearer ' + p.token;
  window.BespokeDemo = { persona: p, headers: headers };
  window.BespokeConfig = { headers: headers };
  // ?timeout=ms (kept for the session) tries the page with another hiding budget.
  var t = new URLSearchParams(location.search).get('timeout') || p.timeout;
  if (t) window.BespokeConfig.timeout = +t;
})();
