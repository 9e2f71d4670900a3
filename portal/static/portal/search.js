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

  // Autocomplete: an ARIA 1.2 combobox (input + listbox). Arrow keys move through the options
  // (aria-activedescendant keeps focus in the input), Enter opens one, Escape closes the list.
  var input = document.getElementById("zoekterm");
  var source = input && input.getAttribute("data-autocomplete");
  if (!source) return;
  var listbox = document.createElement("ul");
  listbox.id = "zoeksuggesties";
  listbox.className = "suggestions";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Suggesties");
  listbox.hidden = true;
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  var row = input.closest(".search-row") || input.parentNode;
  row.parentNode.insertBefore(listbox, row.nextSibling);
  row.parentNode.insertBefore(status, listbox.nextSibling);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  var items = [];
  var active = -1;
  var timer = null;
  var latest = 0;

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function open() {
    if (!items.length) return;
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function highlight(index) {
    var options = listbox.querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function choose(index) {
    var item = items[index];
    if (item) window.location.assign(item.url);
  }

  function render(data) {
    items = (data.suggestions || []).concat(data.terms || []).slice(0, 8);  // terms: taxonomy values, then words
    listbox.innerHTML = "";
    items.forEach(function (item, i) {
      var option = document.createElement("li");
      option.id = "zoeksuggestie-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = item.title;
      var kind = document.createElement("span");
      kind.className = "suggestion-kind";
      kind.textContent = " · " + item.kind;
      option.appendChild(kind);
      option.addEventListener("mousedown", function (event) { event.preventDefault(); });
      option.addEventListener("click", function () { choose(i); });
      listbox.appendChild(option);
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    status.textContent = items.length
      ? items.length + (items.length === 1 ? " suggestie" : " suggesties") + "; kies met pijl omlaag."
      : "Geen suggesties.";
    if (items.length) open(); else close();
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var typed = input.value.trim();
    if (typed.length < 2) { items = []; listbox.innerHTML = ""; close(); return; }
    timer = setTimeout(function () {
      var ticket = ++latest;
      fetch(source + "?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [], terms: [] }; })
        .then(function (data) { if (ticket === latest) render(data); })
        .catch(function () {});
    }, 150);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      if (!items.length) return;
      event.preventDefault();
      open();
      highlight(active + 1);
    } else if (event.key === "ArrowUp") {
      if (!items.length) return;
      event.preventDefault();
      open();
      highlight(active - 1);
    } else if (event.key === "Enter" && active >= 0 && !listbox.hidden) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && !listbox.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
})();
