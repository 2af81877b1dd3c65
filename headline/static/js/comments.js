// Comments on article pages. Progressive enhancement only: without this file, "Reply" links
// reload the page with the form set to answer that comment, nothing is remembered, and a posted
// comment comes back on a page with a token, to be sent with one more press.
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  if (!respond) return;
  var form = respond.querySelector(".comment-form");

  // Article pages are shared by every reader (cached), so the form's CSRF token and the signed
  // moment it was shown are this reader's own, fetched now; a page that has them keeps them.
  var token = form.elements.csrfmiddlewaretoken;
  if (token && !token.value && window.fetch) {
    fetch(form.dataset.tokenUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (values) {
        if (!values) return;
        token.value = values.csrfmiddlewaretoken;
        form.elements.timestamp.value = values.timestamp;
      })
      .catch(function () {
        // Offline or refused: posting falls back to the page that asks to press once more.
      });
  }

  var parentInput = form.querySelector("input[name=parent]");
  var note = respond.querySelector(".replying-to");
  if (!note) return;
  var noteName = note.querySelector(".replying-to-name");
  var home = document.createComment("comment form home");
  respond.parentNode.insertBefore(home, respond);

  function replyTo(link) {
    var item = document.getElementById("comment-" + link.dataset.replyTo);
    item.querySelector(".comment-body").after(respond);
    parentInput.value = link.dataset.replyTo;
    noteName.textContent = link.dataset.author;
    noteName.href = "#comment-" + link.dataset.replyTo;
    note.hidden = false;
    form.querySelector("textarea").focus();
  }

  function cancelReply() {
    home.after(respond);
    parentInput.value = "";
    note.hidden = true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest(".comment-reply-link");
    if (link) {
      event.preventDefault();
      replyTo(link);
    } else if (event.target.closest(".cancel-reply")) {
      event.preventDefault();
      cancelReply();
    }
  });

  // "Remember me" keeps name, email and website in this browser's storage, never in a cookie,
  // so the server never sees them unless the reader posts and article pages stay cacheable.
  var KEY = "headline.commenter";
  var remember = form.querySelector(".comment-remember");
  var fields = ["name", "email", "url"];
  var stored = null;
  try {
    stored = JSON.parse(window.localStorage.getItem(KEY) || "null");
  } catch (error) {
    stored = null;
  }
  if (stored) {
    remember.checked = true;
    fields.forEach(function (name) {
      var input = form.elements[name];
      if (input && !input.value && typeof stored[name] === "string") input.value = stored[name];
    });
  }
  form.addEventListener("submit", function () {
    try {
      if (remember.checked) {
        var data = {};
        fields.forEach(function (name) { data[name] = form.elements[name].value; });
        window.localStorage.setItem(KEY, JSON.stringify(data));
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (error) {
      // Storage may be disabled; posting works all the same.
    }
  });
})();
