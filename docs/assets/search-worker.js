// Material's search box, answered by Pagefind: this worker speaks the protocol of Material's own
// search worker (set up, ready, query, result) and asks Pagefind's chunked index, which a search
// reads a few small files of rather than one index of every page (generator/search/).
//
// - "kind:actors" (or any kind's plural) in the query keeps results of that kind;
// - a query that is an actor's name or one of its aliases puts that actor's page first;
// - titles and snippets are the pages' own text, escaped here, as Material shows them as HTML.
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's message types
const SHOWN = 10; // results read in full (each one a fragment file): Material's first page
const root = new URL("../", self.location.href); // the worker sits in assets/
// Pagefind is imported, and its index's metadata and WebAssembly loaded, as soon as the worker
// starts: before Material sets it up, and before the reader's first query.
const loading = index("pagefind").then((loaded) => {
  loaded.filters();
  return loaded;
});
let pagefind = null;
let changes = null; // in the preview: the pages changed since the site was indexed, and their index
let latest = 0;

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
    kinds.push(kind.toLowerCase());
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

// One of Material's result groups: the page, then its sections, these folded under "more"
function group(data, score, asked) {
  const page = {
    location: data.url,
    title: escape(data.meta.title || data.url),
    text: `<p>${excerpt(data.excerpt)}</p>`,
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

async function search(query) {
  const { words, kinds } = parse(query);
  if (!words && !kinds.length) return [];
  const options = {};
  let wanted = [];
  if (kinds.length) {
    // each kind is a filter of its own, named by its plural (generator/search)
    const known = Object.keys(await pagefind.filters());
    wanted = known.filter((k) => kinds.includes(k) || kinds.includes(k.replace(/s$/, "")));
    options.filters = { any: (wanted.length ? wanted : kinds).map((k) => ({ [k]: "1" })) };
  }
  const read = await find(words || null, options, SHOWN);
  // A name's actor page first, even if other pages say the name more often
  if (words) {
    const name = folded(words);
    let named = read.find((d) => namesOf(d).includes(name));
    if (!named && (!kinds.length || wanted.includes("actors"))) {
      const top = await find(words, { filters: { actors: "1" } }, 3);
      named = top.find((d) => namesOf(d).includes(name));
      if (named) read.unshift(named);
    }
    if (named) read.splice(0, read.length, named, ...read.filter((d) => d.url !== named.url));
  }
  const asked = terms(words);
  return read.map((data, rank) => group(data, read.length - rank, asked));
}

// The best `count` pages for a query, read in full. In the preview the index of changes answers
// for the pages changed or removed since the site was indexed: the first index's entries for
// them are left out (generator/integrations/mkdocs_live_site.py).
async function find(words, options, count) {
  const read = (results, n) =>
    Promise.all(results.slice(0, n).map(async (r) => ({ score: r.score, data: await r.data() })));
  const found = await pagefind.search(words, options);
  if (!changes) return (await read(found.results, count)).map((r) => r.data);
  // enough to fill `count` when a few of them changed; when many did, the index of changes has
  // them all, and results may be fewer, never stale
  const kept = (await read(found.results, count + Math.min(changes.pages.size, 50))).filter(
    (r) => !changes.pages.has(new URL(r.data.url, root).pathname),
  );
  const fresh = changes.index ? (await changes.index.search(words, options)).results : [];
  const all = [...kept, ...(await read(fresh, count))].sort((a, b) => b.score - a.score);
  return all.slice(0, count).map((r) => r.data);
}

async function index(folder) {
  const loaded = await import(new URL(`${folder}/pagefind.js`, root).href);
  await loaded.options({ baseUrl: root.pathname });
  return loaded;
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
      items = await search(message.data);
    } catch (error) {
      console.warn("search:", error); // a file of the index that did not load: no results
    }
    if (asked === latest) self.postMessage({ type: RESULT, data: { items } }); // the newest only
  }
});
