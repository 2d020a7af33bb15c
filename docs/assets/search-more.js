// The search's results past the first ten. Material draws the first ten results the worker
// gives and more, four at a time, as the reader scrolls the list; the worker (search-worker.js)
// gives every match, but reads only the first ten in full (each is a file to fetch), and gives
// the others as placeholders. This script asks the worker, over a BroadcastChannel, for each
// placeholder Material draws, and puts the result in its place, drawn as Material draws one.
// Titles, snippets and tags come from the worker, which escapes every text in them.
(function () {
  const PLACEHOLDER = /^#briefing-more-(\w+)-(\d+)-(\d+)$/;
  const channel = new BroadcastChannel("briefing-search-more");
  const waiting = new Map(); // "worker-asked-rank" -> the placeholder's list item

  function element(tag, className, html) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (html !== undefined) made.innerHTML = html;
    return made;
  }

  // One document of a result, as Material's renderSearchDocument draws it; `search` keeps the
  // query string Material gave the placeholder's link (the words to highlight on the page)
  function documentLink(doc, search, parent) {
    const link = element("a", "md-search-result__link");
    const url = new URL(doc.location, document.baseURI);
    url.search = search;
    link.href = url.href;
    link.tabIndex = -1;
    const article = element("article", "md-search-result__article md-typeset");
    article.dataset.mdScore = doc.score.toFixed(2);
    if (parent) article.append(element("div", "md-search-result__icon md-icon"));
    article.append(element(parent ? "h1" : "h2", "", doc.title));
    article.insertAdjacentHTML("beforeend", doc.text);
    if (doc.tags && doc.tags.length) {
      const tags = element("nav", "md-tags");
      for (const tag of doc.tags) tags.append(element("span", "md-tag", tag));
      article.append(tags);
    }
    link.append(article);
    return link;
  }

  function more(count) {
    const config = JSON.parse(document.getElementById("__config").textContent);
    const words = config.translations || {};
    const one = words["search.result.more.one"] || "1 more on this page";
    const other = words["search.result.more.other"] || "# more on this page";
    return count === 1 ? one : other.replace("#", count);
  }

  function fill(item, [page, ...sections]) {
    const search = new URL(item.querySelector("a").href).search;
    item.replaceChildren(documentLink(page, search, true));
    if (sections.length) {
      const details = element("details", "md-search-result__more");
      const summary = element("summary");
      summary.tabIndex = -1;
      summary.append(element("div"));
      summary.firstChild.textContent = more(sections.length);
      details.append(summary, ...sections.map((doc) => documentLink(doc, search, false)));
      item.append(details);
    }
  }

  channel.addEventListener("message", ({ data }) => {
    for (const { rank, group } of data.filled || []) {
      const key = `${data.worker}-${data.asked}-${rank}`;
      const item = waiting.get(key);
      waiting.delete(key);
      if (!item || !item.isConnected) continue;
      if (group) fill(item, group);
      else item.remove(); // a page changed since the site was indexed (the preview)
    }
    for (const [key, item] of waiting) if (!item.isConnected) waiting.delete(key);
  });

  function drawn(items) {
    const asks = new Map();
    for (const item of items) {
      const link = item.querySelector(":scope > a");
      const match = link && PLACEHOLDER.exec(new URL(link.href).hash);
      if (!match) continue;
      const [, worker, asked, rank] = match;
      waiting.set(`${worker}-${asked}-${rank}`, item);
      const ask = asks.get(`${worker}-${asked}`) || { worker, asked: +asked, ranks: [] };
      ask.ranks.push(+rank);
      asks.set(`${worker}-${asked}`, ask);
    }
    for (const ask of asks.values()) channel.postMessage(ask);
  }

  function watch() {
    const list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver((records) => {
      const added = records.flatMap((record) => Array.from(record.addedNodes));
      drawn(added.filter((node) => node.nodeType === Node.ELEMENT_NODE));
    }).observe(list, { childList: true });
  }

  document.addEventListener("DOMContentLoaded", watch);
})();
