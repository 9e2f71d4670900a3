// "Kopieer" buttons: copy a link's address or a text field's content. Hidden until this script runs,
// since without JavaScript the link or code is there to select by hand.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll(".copy-button[data-copy]").forEach(function (button) {
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) return;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = target.href || target.value || target.textContent;
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = "Gekopieerd";
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
})();
