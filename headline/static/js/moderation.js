// Comment moderation in the admin (the queue and a comment's edit page). Progressive enhancement:
// without this file every decision and Undo is a plain form POST that returns to the same page.
// With it they are sent in the background, the comment's status changes in place and the next
// comment takes the focus, so the moderator keeps their place; the keys in the page's legend
// (j/k move, a/s/t decide, u undo) work unless the user turned Wagtail's shortcuts off.
(function () {
  "use strict";
  var bar = document.querySelector("[data-comment-moderation]");
  if (!bar) return;
  var undoForm = bar.querySelector("[data-comment-undo]");
  var undoButton = undoForm.querySelector("[data-undo-button]");
  var legend = bar.querySelector("[data-comment-shortcuts]");
  if (legend) legend.hidden = false;

  function blocks() {
    return Array.prototype.slice.call(document.querySelectorAll(".comment-decision"));
  }

  function current() {
    var all = blocks();
    var focused = document.activeElement && document.activeElement.closest(".comment-decision");
    if (focused) return focused;
    var marked = document.querySelector(".comment-decision.is-current");
    if (marked) return marked;
    return all.length === 1 ? all[0] : null;
  }

  function select(block) {
    blocks().forEach(function (each) {
      each.classList.toggle("is-current", each === block);
      var row = each.closest("tr");
      if (row) row.classList.toggle("comment-current-row", each === block);
    });
    var button = block.querySelector("button:not([disabled])");
    if (button) button.focus();
    block.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = blocks();
    if (!all.length) return;
    var index = all.indexOf(current());
    var next = index < 0 ? (step > 0 ? 0 : all.length - 1) : index + step;
    select(all[Math.max(0, Math.min(all.length - 1, next))]);
  }

  function show(result) {
    bar.querySelector("[data-undo-message]").textContent = result.message;
    undoButton.hidden = !result.undo;
    undoButton.title = "Undo: " + result.undo;
    if (!result.comment) return;
    document.querySelectorAll('[data-comment="' + result.comment + '"]').forEach(function (block) {
      block.querySelector("[data-comment-status]").textContent = result.status_label;
      block.querySelectorAll("button[name=status]").forEach(function (button) {
        button.disabled = button.value === result.status;
      });
      block.classList.add("is-decided");
    });
  }

  function send(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var block = form.closest(".comment-decision");
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (result) {
        show(result);
        var all = blocks();
        // After a decision the next comment is up; after Undo, the comment undone.
        var next = block
          ? all[all.indexOf(block) + 1] || block
          : document.querySelector('[data-comment="' + result.comment + '"]');
        if (next) select(next);
      })
      .catch(function () {
        // No usable answer (signed out, no permission): post the form as the page would.
        if (submitter && submitter.name) {
          var chosen = document.createElement("input");
          chosen.type = "hidden";
          chosen.name = submitter.name;
          chosen.value = submitter.value;
          form.append(chosen);
        }
        form.submit();
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches(".comment-decision form, [data-comment-undo]")) return;
    event.preventDefault();
    send(form, event.submitter);
  });

  if (!bar.hasAttribute("data-shortcuts")) return;
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    // Typing is not a command; a ticked bulk-action checkbox keeps the keys working.
    var typing = "textarea, select, [contenteditable], dialog, input:not([type=checkbox])";
    if (event.target.closest(typing)) return;
    var key = event.key;
    if (key === "j" || key === "k") {
      move(key === "j" ? 1 : -1);
    } else if (key === "u") {
      if (undoButton.hidden) return;
      undoForm.requestSubmit(undoButton);
    } else {
      var block = current();
      var button = block && block.querySelector('button[data-key="' + key + '"]');
      if (!button || button.disabled) return;
      button.form.requestSubmit(button);
    }
    event.preventDefault();
  });
})();
