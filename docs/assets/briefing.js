// What the theme's markup leaves out for assistive technology, and tables readable on phones.
// Plain and self-contained: the pages load nothing from elsewhere.
(function () {
  function mend() {
    // Material's search is a dialog with no name
    for (const dialog of document.querySelectorAll(".md-search[role=dialog]:not([aria-label])")) {
      dialog.setAttribute("aria-label", "Search");
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
  document.addEventListener("DOMContentLoaded", mend);
  window.addEventListener("load", mend);
})();
