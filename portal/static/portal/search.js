// Small enhancements for the search page; everything works without them.
(function () {
  "use strict";
  var form = document.getElementById("zoekformulier");
  if (!form) return;

  // Ticking a facet applies it at once.
  form.querySelectorAll(".facet input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", function () { form.submit(); });
  });
  var apply = form.querySelector(".apply-filters");
  if (apply) apply.hidden = true;

  // Autocomplete: a list of matching titles under the search box (native <datalist>).
  var input = document.getElementById("zoekterm");
  var source = input && input.getAttribute("data-autocomplete");
  if (!source) return;
  var list = document.createElement("datalist");
  list.id = "zoeksuggesties";
  input.setAttribute("list", list.id);
  input.parentNode.appendChild(list);
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var typed = input.value.trim();
    if (typed.length < 2) return;
    timer = setTimeout(function () {
      fetch(source + "?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          list.innerHTML = "";
          data.suggestions.forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.title;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();
