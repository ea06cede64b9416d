// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Tree pages: "expand all" / "collapse all" buttons for the <details> nodes of a tree.
  document.querySelectorAll("[data-tree-controls]").forEach(function (controls) {
    var card = controls.closest(".card") || document;
    controls.hidden = false;
    controls.querySelectorAll("[data-tree-toggle]").forEach(function (button) {
      button.addEventListener("click", function () {
        var open = button.getAttribute("data-tree-toggle") === "open";
        card.querySelectorAll(".tree details").forEach(function (d) { d.open = open; });
      });
    });
  });

  // Forms: disable the submit button once sent, so a slow connection does not save twice.
  document.querySelectorAll("form[data-once]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) {
        window.setTimeout(function () { b.disabled = true; }, 0);
      });
    });
  });
})();
