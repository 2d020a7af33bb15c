// Material's search box, answered by Pagefind: this worker speaks the protocol of Material's own
// search worker (set up, ready, query, result) and asks Pagefind's chunked index, which a search
// reads a few small files of rather than one index of every page (generator/search/).
//
// - every match is a result, so Material counts them all; the first SHOWN are read in full (a
//   fragment file each), the others are placeholders that search-more.js has this worker fill
//   in, through a BroadcastChannel, as Material draws them (it draws more as the list scrolls);
// - a result says its kind, and a claim's who said it, as Material's tags under the snippet;
// - "kind:actors" (or any kind's plural) in the query keeps results of that kind;
// - a query that is an actor's name or one of its aliases puts that actor's page first;
// - pages about the briefing (the filter "meta") come after every other match;
// - titles, snippets and tags are the pages' own text, escaped here, as Material shows them as
//   HTML.
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's message types
const SHOWN = 10; // results read at once: the ones Material draws first
// A query of one letter matches most of a large briefing (at 10,000 records "a" matches 7,303
// pages and takes Pagefind 0.6-0.8 s, "ab" 0.2 s): it waits this long for the next key first
const ONE_LETTER_WAIT = 250; // ms
const MORE = "briefing-search-more"; // the channel search-more.js asks for the others on
const META = { meta: "1" }; // the filter of the pages about the briefing (generator/search)
const root = new URL("../", self.location.href); // the worker sits in assets/
// The page's language (search-config.js): Pagefind searches first the index of the language it
// reads from document's <html lang>, which a worker has not; it is answered with the page's.
const language = new URL(self.location.href).searchParams.get("lang") || "";
// The word each kind's filter writes in the query, in the page's language (search-config.js)
const tokens = JSON.parse(new URL(self.location.href).searchParams.get("kinds") || "{}");
const kindOf = Object.fromEntries(Object.entries(tokens).map(([kind, token]) => [token, kind]));
if (language && typeof self.document === "undefined") {
  const html = { getAttribute: (name) => (name === "lang" ? language : null) };
  self.document = { querySelector: (selector) => (selector === "html" ? html : null) };
}
// Pagefind is imported, and its index's metadata and WebAssembly loaded, as soon as the worker
// starts: before Material sets it up, and before the reader's first query.
const loading = index("pagefind").then((loaded) => {
  loaded.filters();
  return loaded;
});
let pagefind = null;
let changes = null; // in the preview: the pages changed since the site was indexed, and their index
let latest = 0;
// This worker's name in its placeholders' addresses: another tab's worker hears the channel too
const workerId = Math.random().toString(36).slice(2);
let answered = null; // the latest query's matches, for search-more.js: { asked, entries, terms }

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Pagefind's excerpt is text with its matches in <mark>; it writes < and > as references and
// leaves & as it is. Only the marks are kept as markup: everything else is escaped anew.
function excerpt(html) {
  return html
    .split(/(<\/?mark>)/)
    .map((part) =>
      part === "<mark>" || part === "</mark>"
        ? part
        : escape(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">")),
    )
    .join("");
}

const folded = (text) => text.normalize("NFKC").toLocaleLowerCase().replace(/\s+/g, " ").trim();

function parse(query) {
  const kinds = [];
  const words = query.replace(/(^|\s)kind:(\S+)/gi, (_, space, kind) => {
    kinds.push(kindOf[kind.toLowerCase()] || kind.toLowerCase());
    return space;
  });
  return { words: words.trim(), kinds };
}

function namesOf(data) {
  try {
    return [data.meta.title, ...JSON.parse(data.meta.names || "[]")].map(folded);
  } catch (error) {
    return [folded(data.meta.title || "")];
  }
}

function terms(words) {
  return Object.fromEntries(words.split(/\s+/).filter(Boolean).map((w) => [w.toLowerCase(), true]));
}

// The page a result opens: a record's, for the page of its words in another language, which is
// indexed in that language for their sake (generator/search: original_marks)
function opened(data) {
  if (!data.meta.page) return data.url;
  const page = data.meta.page.replace(/../g, (hex) => String.fromCharCode(parseInt(hex, 16)));
  return new URL(page, root).pathname;
}

// One of Material's result groups: the page, then its sections, these folded under "more"
function group(data, score, asked) {
  const page = {
    location: opened(data),
    title: escape(data.meta.title || data.url),
    text: `<p>${excerpt(data.excerpt)}</p>`,
    tags: [data.meta.kind || "Page", ...(data.meta.said ? [data.meta.said] : [])].map(escape),
    score,
    terms: asked,
  };
  const sections = data.sub_results
    .filter((sub) => sub.url !== data.url && sub.url.includes("#"))
    .slice(0, 5)
    .map((sub) => ({
      location: sub.url,
      title: escape(sub.title),
      text: `<p>${excerpt(sub.excerpt)}</p>`,
      score: score / 2,
      terms: asked,
    }));
  return [page, ...sections];
}

// A match not read yet: search-more.js knows it by its address, and asks for it when drawn
function placeholder(asked, rank, score) {
  const location = `#briefing-more-${workerId}-${asked}-${rank}`;
  return [{ location, title: "…", text: "", score, terms: {} }];
}

// Whether the query numbered ``asked`` is still the newest once the messages waiting have been
// heard (a macrotask later: awaiting Pagefind alone lets no message in). A reader's keys each
// send a query, and a short prefix ("a") matches most of a large briefing: each further step of
// a query typed over (another search, the fragments) is skipped, so the newest is answered sooner.
async function newest(asked) {
  await sleep(0);
  return asked === latest;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The results of ``query``, numbered ``asked``; null if a newer query came while it was asked
async function search(query, asked) {
  const { words, kinds } = parse(query);
  if (!words && !kinds.length) return [];
  if (words.length === 1) {
    await sleep(ONE_LETTER_WAIT);
    if (asked !== latest) return null;
  }
  const options = {};
  let wanted = [];
  if (kinds.length) {
    // each kind is a filter of its own, named by its plural (generator/search)
    const known = Object.keys(await pagefind.filters());
    wanted = known.filter((k) => kinds.includes(k) || kinds.includes(k.replace(/s$/, "")));
    options.filters = { any: (wanted.length ? wanted : kinds).map((k) => ({ [k]: "1" })) };
  }
  let entries = await matches(words || null, options, asked);
  if (!entries || !(await newest(asked))) return null;
  await readFirst(entries, SHOWN);
  // A name's actor page first, even if other pages say the name more often
  if (words) {
    const name = folded(words);
    let named = entries.slice(0, SHOWN).find((e) => namesOf(e.data).includes(name));
    if (!named && (!kinds.length || wanted.includes("actors"))) {
      if (!(await newest(asked))) return null;
      const top = await matches(words, { filters: { actors: "1" } }, asked);
      if (!top) return null;
      await readFirst(top, 3);
      named = top.slice(0, 3).find((e) => namesOf(e.data).includes(name));
    }
    if (named) {
      entries = [named, ...entries.filter((e) => e.key !== named.key)];
      await readFirst(entries, SHOWN);
    }
  }
  const asking = terms(words);
  if (asked === latest) answered = { asked, entries, terms: asking };
  return entries.map((entry, rank) =>
    entry.data && rank < SHOWN
      ? group(entry.data, entries.length - rank, asking)
      : placeholder(asked, rank, entries.length - rank),
  );
}

// Every match of a query, best first and not yet read: { key, score, read(), data, stale }, or
// null if a newer query than ``asked`` came meanwhile. Pages about the briefing (the filter
// "meta", generator/search) come after the others. In the preview the index of changes answers
// for the pages changed or removed since the site was indexed: the first index's entries for
// them are left out as they are read (stale), so the count may be a few over until then
// (generator/integrations/mkdocs_live_site.py).
async function matches(words, options, asked) {
  const ranked = async (index, name) => {
    const found = (await index.search(words, options)).results;
    if (!(await newest(asked))) return null;
    const meta = options.filters ? [] : (await index.search(words, { filters: META })).results;
    const last = new Set(meta.map((r) => r.id));
    return [...found.filter((r) => !last.has(r.id)), ...meta].map((result) => ({
      key: `${name}:${result.id}`,
      score: result.score,
      last: last.has(result.id),
      result,
      stale: false,
    }));
  };
  const all = await ranked(pagefind, "site");
  if (!changes || !all) return all;
  const fresh = changes.index ? await ranked(changes.index, "changes") : [];
  if (!fresh) return null;
  return [...all, ...fresh].sort((a, b) => a.last - b.last || b.score - a.score);
}

async function read(entry) {
  if (!entry.reading) {
    entry.reading = entry.result.data().then((data) => {
      entry.data = data;
      const path = new URL(data.url, root).pathname;
      entry.stale = !!changes && entry.key.startsWith("site:") && changes.pages.has(path);
      return entry;
    });
  }
  return entry.reading;
}

// Read until the first `count` entries are read and none of them stale (those are taken out)
async function readFirst(entries, count) {
  for (;;) {
    await Promise.all(entries.slice(0, count).map(read));
    const stale = entries.findIndex((e, n) => n < count && e.stale);
    if (stale < 0) return;
    entries.splice(stale, 1);
  }
}

// search-more.js asks for placeholders Material has drawn: each answered with its group, or
// null when it is gone (stale, in the preview) or the query is no longer the latest
async function more({ worker, asked, ranks }) {
  if (worker !== workerId) return;
  const now = answered && answered.asked === asked ? answered : null;
  const filled = await Promise.all(
    ranks.map(async (rank) => {
      const entry = now && now.entries[rank];
      if (!entry) return { rank, group: null };
      await read(entry);
      const score = now.entries.length - rank;
      return { rank, group: entry.stale ? null : group(entry.data, score, now.terms) };
    }),
  );
  channel.postMessage({ worker, asked, filled });
}

const channel = new BroadcastChannel(MORE);
channel.addEventListener("message", (event) => {
  more(event.data).catch((error) => console.warn("search:", error));
});

async function index(folder) {
  const loaded = await import(new URL(`${folder}/pagefind.js`, root).href);
  await loaded.options({ baseUrl: root.pathname });
  await mergeLanguages(loaded, folder);
  return loaded;
}

// A briefing whose articles are in several languages has an index for each (Pagefind files a
// page by its <html lang>): the others are merged into the page's, so that a query in either
// language finds its pages. Pagefind merges only a bundle at another address than its own:
// the same folder is given as "<folder>/./", which the browser fetches as the folder itself.
async function mergeLanguages(loaded, folder) {
  const response = await fetch(new URL(`${folder}/pagefind-entry.json`, root));
  if (!response.ok) return;
  const indexes = (await response.json()).languages || {};
  const languages = Object.keys(indexes);
  if (languages.length < 2) return;
  // the index Pagefind took first: the page's language's, else the one of the most pages
  const most = languages.reduce((a, b) => (indexes[b].page_count > indexes[a].page_count ? b : a));
  const first = [language, language.split("-")[0]].find((l) => indexes[l]) || most;
  const again = new URL(`${folder}/`, root).href + "./";
  for (const other of languages.filter((found) => found !== first)) {
    await loaded.mergeIndex(again, { language: other, baseUrl: root.pathname });
  }
}

async function changesInPreview() {
  const listed = await fetch(new URL("pagefind-changes/changed.json", root), { cache: "no-store" });
  if (!listed.ok) return null;
  const { pages, indexed } = await listed.json();
  return {
    pages: new Set(pages.map((page) => new URL(page, root).pathname)),
    index: indexed ? await index("pagefind-changes") : null,
  };
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    pagefind = await loading;
    if (new URL(self.location.href).searchParams.has("preview")) changes = await changesInPreview();
    self.postMessage({ type: READY });
  } else if (message.type === QUERY && pagefind) {
    const asked = ++latest;
    let items = [];
    try {
      items = await search(message.data, asked);
    } catch (error) {
      console.warn("search:", error); // a file of the index that did not load: no results
    }
    // the newest only
    if (items && asked === latest) self.postMessage({ type: RESULT, data: { items } });
  }
});
