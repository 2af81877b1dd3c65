// The WordPress import's progress bar: asks the status view every two seconds, moves the bar,
// and reloads the page (which then shows the report) when the import has ended.
(function () {
  "use strict";
  var status = document.getElementById("import-status");
  var bar = document.getElementById("import-progress");
  if (!status || !bar) return;
  function poll() {
    fetch(status.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.finished) { window.location.reload(); return; }
        var percent = Math.round(data.progress * 100);
        bar.value = percent;
        bar.textContent = percent + " %";
        status.firstChild.nodeValue = data.label + ": ";
        status.querySelector("[data-percent]").textContent = percent;
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
