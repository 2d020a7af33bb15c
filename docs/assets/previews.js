// Previews of record links: who said it, when, where and in what words, on hover, on focus and
// on a first tap (a second tap, or the preview's own link, opens the page). The preview is read
// from the page the link points to (a JSON block the generator writes, generator/render/
// previews.py) and shown with textContent only: no text in it is ever read as markup.
// Only links to record pages (<site>/<kind>/<id>/) are candidates, and a tap whose target turns
// out to have no preview opens it at once: no tap on a phone is ever lost.
(function () {
  const OPENING_MARK = /^["“„«「『‘']/; // a quote that opens with the article's own marks
  const DELAY = 250; // ms of hovering before a preview opens, so that passing over is quiet
  const found = new Map(); // page address -> Promise of its preview, or of null
  let tip = null; // the one preview element
  let shownFor = null; // the link it is open for
  let tapped = false; // whether it was opened by a tap: then only a tap, a key or focus closes it
  let wanted = null; // the link whose preview is to open, once its page is read
  let opening = 0;
  let closing = 0;
  let lastPointer = { type: "", at: 0 };

  // A record's page is <site>/<kind>/<id>/, the kinds as the theme lists them (base.html; built
  // without the hook, any page may be one: a tap on a page with no preview still opens it)
  const recordPage = (function () {
    const config = document.getElementById("__config");
    const listed = document.getElementById("__briefing_kinds");
    if (!config || !listed) return () => true;
    const site = new URL(JSON.parse(config.textContent).base + "/", location.href).pathname;
    const kinds = JSON.parse(listed.textContent).map((k) => k.replace(/[^\w-]/g, "\\$&"));
    const shape = new RegExp("^(" + kinds.join("|") + ")/[^/]+/(index\\.html)?$");
    return (url) => url.pathname.startsWith(site) && shape.test(url.pathname.slice(site.length));
  })();

  function previewed(target) {
    const link = target instanceof Element ? target.closest("a[href]") : null;
    if (!link || !link.closest(".md-content") || link.closest("svg, sup, .briefing-preview")) {
      return null;
    }
    // Links with tooltips of their own (notes, grades, inferred marks) keep them
    if (link.hasAttribute("title") || link.matches(".grade, .inferred, .headerlink")) return null;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname === location.pathname) return null;
    return recordPage(url) ? link : null;
  }

  function previewOf(link) {
    const page = new URL(link.href, location.href);
    page.hash = "";
    const key = page.href;
    if (!found.has(key)) {
      const read = fetch(key)
        .then((response) => (response.ok ? response.text() : ""))
        .then((html) => {
          const block = new DOMParser()
            .parseFromString(html, "text/html")
            .querySelector('script[type="application/briefing-preview+json"]');
          return block ? JSON.parse(block.textContent) : null;
        })
        .catch(() => null);
      found.set(key, read);
    }
    return found.get(key);
  }

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  function fill(data, link, touched) {
    tip.replaceChildren();
    tip.append(element("p", "briefing-preview__kind", data.kind));
    tip.append(element("p", "briefing-preview__title", data.title));
    for (const line of data.lines || []) tip.append(element("p", "", line));
    if (data.quote) {
      const quote = element("blockquote", "");
      // the words in quotation marks: their own, where the quote holds the article's
      const marked = OPENING_MARK.test(data.quote) ? data.quote : "“" + data.quote + "”";
      const words = element("p", "", marked);
      if (data.quote_language) words.lang = data.quote_language;
      quote.append(words);
      if (data.translation) quote.append(element("p", "briefing-preview__translation", data.translation));
      if (data.source) quote.append(element("p", "briefing-preview__source", data.source));
      tip.append(quote);
    }
    if (touched) {
      const open = element("a", "briefing-preview__open", data.open);
      open.href = link.href;
      tip.append(open);
    }
  }

  function place(link) {
    const margin = 8;
    const box = link.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(margin, Math.min(box.left, window.innerWidth - width - margin));
    const below = box.bottom + margin;
    const top = below + height <= window.innerHeight || box.top < height + 2 * margin
      ? below
      : box.top - height - margin;
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function show(link, touched) {
    clearTimeout(closing);
    wanted = link;
    previewOf(link).then((data) => {
      if (wanted !== link) return;
      if (!data) {
        if (touched) location.assign(link.href); // the tap was held back for a preview
        return;
      }
      if (!tip) {
        tip = element("div", "briefing-preview");
        tip.id = "briefing-preview";
        tip.setAttribute("role", "tooltip");
        tip.addEventListener("mouseenter", () => clearTimeout(closing));
        tip.addEventListener("mouseleave", () => tapped || hideSoon());
        document.body.append(tip);
      }
      clearTimeout(closing); // a close still pending was for the preview this one replaces
      if (shownFor && shownFor !== link) shownFor.removeAttribute("aria-describedby");
      fill(data, link, touched);
      tapped = touched;
      tip.hidden = false;
      place(link);
      link.setAttribute("aria-describedby", tip.id);
      shownFor = link;
    });
  }

  function showSoon(link) {
    clearTimeout(opening);
    opening = setTimeout(() => show(link, false), DELAY);
  }

  // Closes the open preview. One on its way for the focused link still opens (the mouse leaving
  // another link, or the scroll its focus made, must not cancel it), unless ``all`` (Escape).
  function hide(all) {
    clearTimeout(opening);
    if (all || wanted !== document.activeElement) wanted = null;
    if (!tip || !shownFor) return;
    tip.hidden = true;
    shownFor.removeAttribute("aria-describedby");
    shownFor = null;
  }

  function hideSoon() {
    clearTimeout(closing);
    closing = setTimeout(hide, DELAY);
  }

  const touching = () => lastPointer.type === "touch" && Date.now() - lastPointer.at < 1000;

  document.addEventListener("pointerdown", (event) => {
    lastPointer = { type: event.pointerType, at: Date.now() };
  }, true);
  document.addEventListener("mouseover", (event) => {
    const link = previewed(event.target);
    if (link && !touching()) showSoon(link);
  });
  document.addEventListener("mouseout", (event) => {
    const link = previewed(event.target);
    if (!link || link.contains(event.relatedTarget)) return;
    clearTimeout(opening);
    // A preview a tap opened stays: a mouse beside the touch screen, whose pointer Chromium moves
    // back when the page changes under it, would otherwise close it as it appears
    if (shownFor === link && !tapped && !(tip && tip.contains(event.relatedTarget))) hideSoon();
  });
  document.addEventListener("focusin", (event) => {
    const link = previewed(event.target);
    if (link && !touching()) {
      show(link, false);
    } else if (!(tip && tip.contains(event.target))) {
      hide();
    }
  });
  document.addEventListener("focusout", (event) => {
    if (shownFor === event.target && !(tip && tip.contains(event.relatedTarget))) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && (shownFor || wanted)) {
      hide(true);
      event.stopPropagation();
    }
  }, true);
  // On a touch screen the first tap on a record link shows its preview, the second opens it
  document.addEventListener("click", (event) => {
    const link = previewed(event.target);
    if (tip && tip.contains(event.target)) return;
    if (link && touching() && shownFor !== link) {
      event.preventDefault();
      show(link, true);
    } else if (!link) {
      hide();
    }
  }, true);
  // A scroll leaves a hovered link's preview behind, so it closes; a focused link's preview (focus
  // itself may scroll the link into view) follows the link instead
  window.addEventListener("scroll", () => {
    if (!shownFor || touching()) return;
    if (shownFor === document.activeElement) place(shownFor);
    else hide();
  }, { passive: true });
})();
