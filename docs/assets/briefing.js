// What the theme's markup leaves out for assistive technology, and tables readable on phones.
// Plain and self-contained: the pages load nothing from elsewhere.
(function () {
  // The words of the briefing's language (theme/base.html), English where a page has none
  const given = document.getElementById("__briefing_words");
  const words = {
    search: "Search",
    navigation: "Navigation",
    ...(given ? JSON.parse(given.textContent) : {}),
  };

  function mend() {
    // Material's search is a dialog with no name
    for (const dialog of document.querySelectorAll(".md-search[role=dialog]:not([aria-label])")) {
      dialog.setAttribute("aria-label", words.search);
    }
    // Each cell names its column, for the cards a phone shows tables as (briefing.css)
    for (const table of document.querySelectorAll(".md-typeset table")) {
      const names = Array.from(table.querySelectorAll("thead th"), (th) => th.textContent.trim());
      for (const row of table.querySelectorAll("tbody tr")) {
        Array.from(row.children).forEach((cell, i) => {
          if (names[i]) cell.setAttribute("data-label", names[i]);
        });
      }
    }
    // A table that scrolls sideways can be scrolled from the keyboard
    for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")) {
      wrap.setAttribute("tabindex", "0");
    }
  }
  // Material's navigation drawer (below 76.25em, its breakpoint) waits off screen while closed,
  // its links still in the tab order and focused out of sight. Closed, it is inert; its menu
  // button, a label Material leaves out of the tab order, opens it from the keys too.
  function drawer() {
    const toggle = document.getElementById("__drawer");
    const panel = document.querySelector(".md-sidebar--primary");
    const button = document.querySelector(".md-header label[for=__drawer]");
    if (!toggle || !panel || !button) return;
    const narrow = window.matchMedia("(max-width: 76.234375em)");
    const open = () => narrow.matches && toggle.checked;
    const follow = () => {
      panel.inert = narrow.matches && !toggle.checked;
      button.setAttribute("aria-expanded", String(toggle.checked));
    };
    button.tabIndex = 0;
    button.setAttribute("role", "button");
    if (!button.hasAttribute("aria-label")) button.setAttribute("aria-label", words.navigation);
    button.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      toggle.click(); // fires "change": the panel is no longer inert
      if (open()) panel.querySelector("a[href]")?.focus();
    });
    panel.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !open()) return;
      toggle.click();
      button.focus();
    });
    panel.addEventListener("focusout", (event) => {
      const next = event.relatedTarget;
      if (open() && next instanceof Node && !panel.contains(next)) toggle.click();
    });
    toggle.addEventListener("change", follow);
    narrow.addEventListener("change", follow);
    follow();
  }
  document.addEventListener("DOMContentLoaded", mend);
  document.addEventListener("DOMContentLoaded", drawer);
  window.addEventListener("load", mend);
})();
