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
