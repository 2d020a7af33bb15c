// Material's configuration, changed before its bundle reads it (this script comes first): the
// search box asks our worker (search-worker.js), which the preview tells to read its index of
// changes too ("?preview" on this script's address, passed on), and every match is counted, so
// the results are "matching pages". A file, not a script in each page: a lighter page.
(function () {
  const element = document.getElementById("__config");
  const config = JSON.parse(element.textContent);
  const here = new URL(document.currentScript.src);
  // the worker is told the page's language: it has no <html lang> of its own to read
  const worker = new URL("search-worker.js" + here.search, here);
  worker.searchParams.set("lang", document.documentElement.lang || "");
  // and the words the filters write for each kind ("kind:déclarations"), which it reads back
  const given = document.getElementById("__briefing_words");
  const words = given ? JSON.parse(given.textContent) : {};
  worker.searchParams.set("kinds", JSON.stringify(words.tokens || {}));
  config.search = worker.href;
  config.translations["search.result.one"] = words.one_result || "1 matching page";
  config.translations["search.result.other"] = words.results || "# matching pages";
  element.textContent = JSON.stringify(config);
})();
