// Small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  // htmx requests carry the session's CSRF token as a header, like the forms carry it as a field.
  document.addEventListener('htmx:configRequest', function (e) {
    if (meta) { e.detail.headers['X-CSRF-Token'] = meta.content; }
  });
  // Sanitised live preview of a variant's HTML: a sandboxed frame runs no script and has no
  // access to the console's origin, whatever the HTML contains.
  document.querySelectorAll('textarea[data-preview]').forEach(function (area) {
    var frame = document.getElementById(area.getAttribute('data-preview'));
    var update = function () { frame.srcdoc = area.value; };
    area.addEventListener('input', update);
    update();
  });
})();
