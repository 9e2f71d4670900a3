// A filter field above a long list of checkboxes (admin): typing hides the options that do not match.
(function () {
  "use strict";
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function enhance(box) {
    if (box.dataset.enhanced) return;
    box.dataset.enhanced = "1";
    var list = box.querySelector(".searchable-checkboxes__list");
    var input = document.createElement("input");
    input.type = "search";
    input.className = "searchable-checkboxes__filter";
    input.setAttribute("aria-label", box.dataset.filterLabel || "Zoek");
    input.placeholder = (box.dataset.filterLabel || "Zoek") + "…";
    var status = document.createElement("p");
    status.className = "searchable-checkboxes__status";
    status.setAttribute("aria-live", "polite");
    box.insertBefore(input, list);
    box.appendChild(status);
    var options = Array.prototype.slice.call(list.querySelectorAll("label"));
    function update() {
      var typed = fold(input.value.trim());
      var shown = 0;
      options.forEach(function (label) {
        var checkbox = label.querySelector("input");
        var match = !typed || fold(label.textContent).indexOf(typed) !== -1 || (checkbox && checkbox.checked);
        var item = label.closest("div") || label;
        item.hidden = !match;
        if (match) shown += 1;
      });
      var chosen = list.querySelectorAll("input:checked").length;
      status.textContent = chosen + " gekozen · " + shown + " van " + options.length + " getoond";
    }
    input.addEventListener("input", update);
    list.addEventListener("change", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault(); // never submit the page form from the filter
    });
    update();
  }
  function enhanceAll() {
    document.querySelectorAll("[data-searchable-checkboxes]").forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhanceAll);
  else enhanceAll();
})();
