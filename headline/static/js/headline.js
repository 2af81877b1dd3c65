// Progressive enhancement only: every link and form works without this file.
(function () {
  "use strict";
  var status = document.querySelector(".copy-status");
  var copy = document.querySelector(".copy-link");
  if (copy && navigator.clipboard) {
    copy.closest("li").hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.dataset.copyUrl).then(function () {
        if (status) status.textContent = "Link copied.";
      }, function () {
        if (status) status.textContent = "Could not copy the link.";
      });
    });
  }
  var native = document.querySelector(".native-share");
  if (native && navigator.share) {
    native.closest("li").hidden = false;
    native.addEventListener("click", function () {
      navigator.share({ title: native.dataset.shareTitle, url: native.dataset.shareUrl }).catch(function () {});
    });
  }
})();

// Embedded posts: the page shows a local preview (a link to the original); the provider's content
// loads, from our own frame page, only when the reader asks for it.
(function () {
  "use strict";
  function fit(frame) {
    var doc = frame.contentDocument;
    if (!doc || !doc.body) return;
    // Players sized by attributes (width="480" height="270") fill the width at their own ratio.
    Array.prototype.forEach.call(doc.querySelectorAll("iframe[width][height], video[width][height]"), function (player) {
      var width = parseFloat(player.getAttribute("width"));
      var height = parseFloat(player.getAttribute("height"));
      if (width > 0 && height > 0) {
        player.style.width = "100%";
        player.style.height = "auto";
        player.style.aspectRatio = width + " / " + height;
      }
    });
    var resize = function () { frame.style.height = doc.documentElement.scrollHeight + "px"; };
    resize();
    if (window.ResizeObserver) new ResizeObserver(resize).observe(doc.body);
  }
  Array.prototype.forEach.call(document.querySelectorAll(".embed-preview[data-embed-frame]"), function (preview) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed-load";
    button.textContent = "Show it here (loads from " + preview.dataset.embedProvider + ")";
    preview.insertAdjacentElement("afterend", button);
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "embed-frame";
      frame.src = preview.dataset.embedFrame;
      frame.title = preview.querySelector(".embed-title").textContent;
      // No top navigation: the embed cannot take the reader away from the article.
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation");
      frame.setAttribute("allow", "fullscreen; encrypted-media; picture-in-picture");
      frame.addEventListener("load", function () { fit(frame); });
      preview.replaceWith(frame);
      button.remove();
      frame.focus();
    });
  });
})();
