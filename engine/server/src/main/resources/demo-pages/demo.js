(function () {
  var demo = window.BespokeDemo;
  var p = demo.persona;
  function save() { sessionStorage.setItem('bespoke-demo-persona', JSON.stringify(p)); }
  function reload() {
    save();
    var url = new URL(location.href);
    if (p.facebook) url.searchParams.set('utm_source', 'facebook');
    else url.searchParams.delete('utm_source');
    location.assign(url.toString());
  }
  var country = document.getElementById('country');
  country.value = p.country || '';
  country.addEventListener('change', function () { p.country = country.value; reload(); });
  var fb = document.getElementById('facebook');
  fb.checked = !!p.facebook;
  fb.addEventListener('change', function () { p.facebook = fb.checked; reload(); });
  document.getElementById('shoes').addEventListener('click', function () {
    for (var i = 0; i < 3; i++) {
      Bespoke.track({ type: 'pageview', page: { url: location.origin + '/shoes/' + i }, properties: { category: 'shoes' } });
    }
    setTimeout(reload, 300);
  });
  document.getElementById('gold').addEventListener('click', function () {
    fetch('/demo/session', { method: 'POST' }).then(function (r) { return r.json(); })
      .then(function (s) { p.token = s.token; reload(); });
  });
  document.getElementById('reset').addEventListener('click', function () { p = {}; reload(); });

  var banner = document.getElementById('consent');
  if (document.cookie.indexOf('bespoke_consent=') >= 0) banner.hidden = true;
  document.getElementById('accept').addEventListener('click', function () {
    banner.hidden = true;
    Bespoke.consent({ personalization: true, analytics: true });
  });
  document.getElementById('decline').addEventListener('click', function () {
    banner.hidden = true;
    Bespoke.consent({ personalization: false, analytics: false });
  });

  // The page's own copy of the reason, from the same kind of request the script makes.
  Bespoke.ready.then(function (answer) {
    var why = document.getElementById('why');
    var hero = answer && answer.decisions.filter(function (d) { return d.slot === 'home-hero'; })[0];
    why.textContent = hero ? hero.reason : 'the page\'s default content (no answer in time)';
  });
})();
