// Filters for the search: a button per kind of record, which puts "kind:<kind>" in the query
// in the briefing's language ("kind:déclarations"; the search worker reads it back), and "All",
// which takes it out. The query shows what is chosen.
// While the search is closed its results and filters are hidden, so they leave the tab order
// (inert). Tab from an empty query passes the search by, as Material has it; from a query, it
// walks on through the filters and results, and focus leaving the search closes it.
(function () {
  const TOKEN = /(^|\s)kind:\S+/gi;

  function chosen(query) {
    const match = /(?:^|\s)kind:(\S+)/i.exec(query);
    return match ? match[1].toLowerCase() : "";
  }

  // Material opens and closes the search by clicking its `__search` checkbox, which fires
  // "change"; it closes it on any Tab too, which would leave the filters out of reach of the keys
  function keepInTabOrderOnlyWhileOpen(search, toggle, input) {
    const output = search.querySelector(".md-search__output");
    if (!output) return;
    const follow = () => {
      output.inert = !toggle.checked;
    };
    toggle.addEventListener("change", follow);
    follow();
    search.addEventListener("keydown", (event) => {
      if (event.key === "Tab" && toggle.checked && input.value.trim()) event.stopPropagation();
    });
    search.addEventListener("focusout", (event) => {
      const next = event.relatedTarget;
      if (toggle.checked && next instanceof Node && !search.contains(next)) toggle.click();
    });
  }

  function make() {
    const search = document.querySelector(".md-search");
    const toggle = document.getElementById("__search");
    const input = document.querySelector("input.md-search__input");
    if (search && toggle && input) keepInTabOrderOnlyWhileOpen(search, toggle, input);
    const result = document.querySelector(".md-search .md-search-result");
    const listed = document.getElementById("__briefing_kinds");
    if (!input || !result || !listed || document.querySelector(".briefing-kinds")) return;
    const bar = document.createElement("div");
    bar.className = "briefing-kinds";
    bar.setAttribute("role", "group");
    const given = document.getElementById("__briefing_words");
    const words = given ? JSON.parse(given.textContent) : {};
    const named = words.kinds || {};
    const tokens = words.tokens || {};
    bar.setAttribute("aria-label", words.search_only || "Search only");
    const buttons = [
      ["", words.all || "All"],
      ...JSON.parse(listed.textContent).map((k) => [k, named[k] || k]),
    ];
    for (const [kind, label] of buttons) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.kind = kind;
      button.dataset.token = tokens[kind] || kind;
      button.textContent = label.charAt(0).toUpperCase() + label.slice(1);  // "claims": "Claims"
      button.addEventListener("click", () => {
        const words = input.value.replace(TOKEN, " ").trim();
        input.value = (kind ? `kind:${button.dataset.token} ` : "") + words;
        input.focus();
        input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
        show();
      });
      bar.append(button);
    }
    function show() {
      const now = chosen(input.value);
      for (const button of bar.children) {
        button.setAttribute("aria-pressed", String(button.dataset.token === now));
      }
    }
    input.addEventListener("keyup", show);
    input.addEventListener("input", show);
    show();
    result.before(bar);
  }

  document.addEventListener("DOMContentLoaded", make);
})();
