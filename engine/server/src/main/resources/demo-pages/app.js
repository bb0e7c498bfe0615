(function () {
  var headers = Object.assign({ 'Content-Type': 'application/json' }, window.BespokeDemo.headers);
  fetch('/api/v1/decisions', {
    method: 'POST',
    headers: headers,
    body: JSON.stringify({ space: 'default', channel: 'mobile', slots: ['app-home-header'] })
  }).then(function (r) { return r.json(); }).then(function (answer) {
    document.getElementById('json').textContent = JSON.stringify(answer, null, 2);
  });
})();
