// Filters for the search: a button per kind of record, which puts "kind:<kind>" in the query
// (the search worker reads it), and "All", which takes it out. The query shows what is chosen.
(function () {
  const TOKEN = /(^|\s)kind:\S+/gi;

  function chosen(query) {
    const match = /(?:^|\s)kind:(\S+)/i.exec(query);
    return match ? match[1].toLowerCase() : "";
  }

  function make() {
    const input = document.querySelector("input.md-search__input");
    const result = document.querySelector(".md-search .md-search-result");
    const listed = document.getElementById("__briefing_kinds");
    if (!input || !result || !listed || document.querySelector(".briefing-kinds")) return;
    const bar = document.createElement("div");
    bar.className = "briefing-kinds";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Search only");
    const buttons = [["", "All"], ...JSON.parse(listed.textContent).map((k) => [k, k])];
    for (const [kind, label] of buttons) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.kind = kind;
      button.textContent = label.charAt(0).toUpperCase() + label.slice(1);
      button.addEventListener("click", () => {
        const words = input.value.replace(TOKEN, " ").trim();
        input.value = (kind ? `kind:${kind} ` : "") + words;
        input.focus();
        input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
        show();
      });
      bar.append(button);
    }
    function show() {
      const now = chosen(input.value);
      for (const button of bar.children) {
        button.setAttribute("aria-pressed", String(button.dataset.kind === now));
      }
    }
    input.addEventListener("keyup", show);
    input.addEventListener("input", show);
    show();
    result.before(bar);
  }

  document.addEventListener("DOMContentLoaded", make);
})();
