// Small enhancements for the search page; everything works without them.
(function () {
  "use strict";
  var form = document.getElementById("zoekformulier");
  if (!form) return;

  var dialog = form.querySelector(".filter-dialog");
  var facets = form.querySelector(".search-layout > .facets");

  // Ticking a facet applies it at once: in the phone's filter dialog without leaving it, elsewhere
  // by sending the form.
  form.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches(".facet input[type=checkbox]")) return;
    if (dialog && dialog.open) refresh(box); else form.submit();
  });
  var apply = form.querySelector(".apply-filters");
  if (apply) apply.hidden = true;

  // Phones: the "Filters (n)" link (a jump to the facets below the results without JavaScript)
  // becomes a button that opens the facets in a modal <dialog>: showModal() keeps focus inside and
  // closes on Escape; focus returns to the button; a status line says how many results the ticked
  // filters give.
  var link = form.querySelector("a.filters-toggle");
  if (dialog && facets && link && typeof dialog.showModal === "function") {
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "filters-toggle";
    toggle.setAttribute("aria-haspopup", "dialog");
    toggle.setAttribute("aria-controls", dialog.id);
    toggle.textContent = link.textContent;
    link.replaceWith(toggle);
    form.classList.add("filters-enhanced");
    var home = facets.parentNode;
    var body = dialog.querySelector(".filter-dialog-body");
    var count = dialog.querySelector(".filter-dialog-count");

    toggle.addEventListener("click", function () {
      body.appendChild(facets);
      count.textContent = resultsLine(document);
      dialog.showModal();
    });
    dialog.querySelectorAll(".filter-dialog-close").forEach(function (button) {
      button.addEventListener("click", function () { dialog.close(); });
    });
    // A modal dialog keeps Tab off the page, but the browser's own controls still take it: go round.
    dialog.addEventListener("keydown", function (event) {
      if (event.key !== "Tab") return;
      var stops = Array.prototype.filter.call(
        dialog.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]"),
        function (el) { return !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0; }
      );
      if (!stops.length) return;
      var first = stops[0], last = stops[stops.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    });
    dialog.addEventListener("close", function () {
      home.insertBefore(facets, home.firstChild);
      toggle.focus();
    });
    // Widened to the desktop layout while open: the facets go back to their column.
    var wide = window.matchMedia("(min-width: 52rem)");
    var onWidth = function () { if (wide.matches && dialog.open) dialog.close(); };
    if (wide.addEventListener) wide.addEventListener("change", onWidth);
  }

  function resultsLine(doc) {
    var title = doc.getElementById("resultaten-titel");
    return title ? title.textContent.trim() : "";
  }

  var filterTicket = 0;
  // Fetch the page for the form's new state and put its results, facets and counts in place.
  function refresh(box) {
    var query = new URLSearchParams(new FormData(form)).toString();
    var url = form.getAttribute("action") + (query ? "?" + query : "");
    var mine = ++filterTicket;
    var opened = Array.prototype.map.call(facets.querySelectorAll("details[open]"), function (details) {
      return details.closest(".facet").getAttribute("data-facet");
    });
    fetch(url, { headers: { Accept: "text/html" } })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
      .then(function (html) {
        if (mine !== filterTicket) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var results = form.querySelector(".results");
        var newResults = doc.querySelector(".results");
        var newFacets = doc.querySelector(".search-layout > .facets");
        if (!results || !newResults || !newFacets) { window.location.assign(url); return; }
        results.innerHTML = newResults.innerHTML;
        facets.innerHTML = newFacets.innerHTML;
        opened.forEach(function (name) {
          var details = facets.querySelector('.facet[data-facet="' + name + '"] details');
          if (details) details.open = true;
        });
        var again = facets.querySelector(
          'input[name="' + CSS.escape(box.name) + '"][value="' + CSS.escape(box.value) + '"]'
        );
        if (again) again.focus();
        var newApply = facets.querySelector(".apply-filters");
        if (newApply) newApply.hidden = true;
        var newToggle = doc.querySelector(".filters-toggle");
        var button = form.querySelector("button.filters-toggle");
        if (newToggle && button) button.textContent = newToggle.textContent;
        var reuse = document.querySelector(".reuse");
        var newReuse = doc.querySelector(".reuse");
        if (reuse) {
          reuse.hidden = !newReuse;
          if (newReuse) reuse.innerHTML = newReuse.innerHTML;
        }
        document.title = doc.title;
        count.textContent = resultsLine(doc);
        history.replaceState(null, "", url);
      })
      .catch(function () { window.location.assign(url); });
  }

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
