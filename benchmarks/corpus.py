"""A synthetic briefing project of about N records, the same for the same seed.

    python benchmarks/corpus.py --records 1000 --seed 1 --out /tmp/corpus-1000

writes a complete project into the output folder: ``seeds/`` (articles with front matter and
the SHA-256 of their text, annotations, briefing.yaml) plus copies of the repository's
``templates/``, ``generator/``, hand-written ``docs/`` pages and ``mkdocs.yml``, so that
``python -m generator build --root DIR`` works on it as on the real project.

The articles read like short news reports built from word lists: an organisation announces a
measure, people with roles are quoted or paraphrased, a report is cited for a number. Every
quote the annotations give is cut from the generated text, so ``generator check`` accepts the
corpus. Actors come from pools that grow with N, a few of them prominent, so actors are shared
across articles the way real ones are. Everything is drawn from one ``random.Random(seed)``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

import yaml

from generator.input.evidence import Miss, SearchableText

REPO = Path(__file__).resolve().parent.parent


def words(text: str, separator: str | None = None) -> list[str]:
    """A word list written as text: split on whitespace, or on ``separator`` across lines."""
    return text.replace("\n", "").split(separator) if separator else text.split()


FIRST_NAMES = words("""Amara Bilal Chiara Dmitri Elena Farid Greta Hiro Ines Jonas Kalani Leila Mateo Nadia
Oskar Priya Quentin Rosa Samir Tala Umar Vera Wen Ximena Yusuf Zofia Aiden Beatriz Cyrus Dalia
Emil Fatima Goran Hana Ivo Jana Kofi Lucia Marek Noor Olga Pavel Rania Stefan Tomas Ulla Viktor
Wanda Yara Zane Adele Bruno Celia Darius Esther Felix Gloria Hugo Irene Jorge""")
SURNAMES = words("""Okafor Lindqvist Moreau Tanaka Haddad Novak Castillo Brennan Kowalski Adeyemi Varga
Santos Petrov Nakamura Fischer Alvarez Mensah Jansen Rossi Dubois Kaplan Osei Horvat Silva
Andersen Chen Ibrahim Laurent Mwangi Nilsen Ortega Quinn Rahman Schmidt Torres Ueda Vidal
Weber Yilmaz Zhou Abbott Barros Cortez Dahl Ekwueme Fontaine Gallo Hale Iyer Jovanovic Keller
Lozano Markovic Nyberg Orlov Pereira Renner Sato Tiwari Urban Valdez Walsh Xu Young Zeller
Ahmed Bauer Costa Duarte Ergin Falk Grant Holm""")
REGIONS = words("""Northern Southern Eastern Western Central Coastal Federal National Provincial
Metropolitan Highland Lowland River Valley Island Border Capital Lakeside Delta Upland
Regional Municipal Rural Harbour Plains Forest Mountain Bay Estuary Frontier""")
DOMAINS = words("""Water Transport Health Energy Trade Fisheries Housing Education Customs Labour Port
Rail Forestry Agriculture Broadcasting Aviation Mining Tourism Pensions Roads Statistics
Planning Drainage Ferries Grain Textiles Shipping Telecoms Veterinary Waste""")
BODIES = [
    ("Authority", "government-body"),
    ("Commission", "government-body"),
    ("Agency", "government-body"),
    ("Directorate", "government-body"),
    ("Office", "government-body"),
    ("Council", "legislature"),
    ("Assembly", "legislature"),
    ("Institute", "organisation"),
    ("Federation", "organisation"),
    ("Association", "organisation"),
    ("Union", "organisation"),
    ("Foundation", "organisation"),
]
STATE_HEADS = words("Val Cor Mar Ost Bel Tir Sar Kel Dor Lum Nev Ard Cal Fen Gar Hal")
STATE_TAILS = words("doria venia ania esk mont ovia uria istan land ora eth ica")
CITIES = words(
    """Port Elna|Marrow Bay|Kessel|Aldmoor|Linden Falls|Saltcross|Brightwater|Oakhaven|
Redcliff|Stonebridge|Westmere|Harlow|Greyport|Thornby|Ashford|Millbrook|Eastwick|Ravensfield|
Kingsreach|Fairhaven|Norwood|Clearwater|Highgate|Dunmore|Silverton|Blackrock|Larkspur|Wrenfield|
Cobalt City|Pinecrest""",
    "|",
)
PAPERS = words("Ledger Gazette Courier Herald Observer Tribune Chronicle Post Dispatch Review")
TITLES = words(
    """director|deputy director|spokesperson|chief economist|head of planning|chair|
senior adviser|general secretary|chief inspector|treasurer|legal counsel|press officer|
head of research|vice chair|programme manager""",
    "|",
)
NOUNS = words(
    """water supply|rail network|port inspections|flood defences|grain exports|tariff schedule|
fishing quota|housing permits|emission limits|border checks|transit fares|clinic budgets|
pension fund|school meals programme|bridge repairs|energy prices|customs data|drought plan|
ferry timetable|road tolls|apprenticeship scheme|broadband rollout|waste collection|
forest management plan|mining licences|tourist levy|airport expansion|textile quotas|
vaccination campaign|rent controls|harbour dredging|teacher training|grid upgrade|
irrigation project|shipping lanes|veterinary checks|statistics release|rural bus service""",
    "|",
)
ADJECTIVES = words("""urgent costly overdue fragile unprecedented effective inadequate balanced ambitious
modest unworkable reasonable premature essential unfair sustainable reckless cautious
transparent flawed""")
VERBS = [  # (base, past participle)
    ("review", "reviewed"),
    ("expand", "expanded"),
    ("suspend", "suspended"),
    ("fund", "funded"),
    ("inspect", "inspected"),
    ("restore", "restored"),
    ("cap", "capped"),
    ("delay", "delayed"),
    ("publish", "published"),
    ("reform", "reformed"),
    ("tighten", "tightened"),
    ("relax", "relaxed"),
    ("monitor", "monitored"),
    ("audit", "audited"),
    ("replace", "replaced"),
    ("extend", "extended"),
    ("simplify", "simplified"),
    ("protect", "protected"),
]
TIMES = words(
    """before the end of the year|within six months|by next spring|over the coming decade|
this winter|before the next election|as soon as possible|within two years|by the autumn|
over the next three years""",
    "|",
)
REASONS = words(
    """because the costs have risen sharply|after months of talks|despite strong objections|
so that households are protected|because the current rules are not working|
to restore public confidence|after a series of failures|because demand keeps growing|
to meet the new regional standards|because the old system is too slow""",
    "|",
)
REPORTED_VERBS = words("argued warned insisted suggested noted stressed acknowledged")
DAYS = words("Monday Tuesday Wednesday Thursday Friday")
MEASURE_KINDS = [
    "scheduling",
    "legislation",
    "regulation",
    "enforcement",
    "inspection",
    "declaration",
    "agreement",
    "prevention",
    "treatment",
    "other",
]
STATUSES = ["urged", "promised", "agreed", "announced", "in-effect", "done"]
UNITS = [  # (unit, what happened to them)
    ("households", "were connected to the network"),
    ("inspections", "were carried out at the port"),
    ("permits", "were issued"),
    ("tonnes of grain", "were exported"),
    ("complaints", "were filed"),
    ("kilometres of track", "were repaired"),
    ("jobs", "were created"),
    ("vessels", "were checked"),
    ("patients", "were treated"),
    ("homes", "were built"),
    ("licences", "were revoked"),
    ("passengers", "used the service"),
]
QUALIFIERS = [("", None), ("about ", "about"), ("more than ", "more-than"), ("nearly ", "nearly")]
TAGS = [
    "water",
    "transport",
    "health",
    "energy",
    "trade",
    "housing",
    "education",
    "budget",
    "regulation",
    "infrastructure",
    "employment",
    "environment",
    "public services",
    "cross border",
]
FILLER = [
    "Officials in {city} have debated the {noun} since {year}.",
    "The future of the {noun} has been a recurring point of friction.",
    "Critics say work on the {noun} moved too slowly in previous years.",
    "A decision on the {noun} is expected {time}.",
    "Local residents have followed the debate over the {noun} closely.",
    "The question of the {noun} was last settled in {year}, {reason}.",
    "Several other proposals on the {noun} are still under discussion.",
    "Analysts expect the {noun} to remain on the agenda {time}.",
]
QUOTES = [
    "We will {verb} the {noun} {time}, {reason}",
    "Our plan for the {noun} is {adj}, and the approach to the {noun2} is {adj2}",
    "Nobody should pretend that the {noun} can be {participle} {time}",
    "Our position on the {noun} has not changed: it must be {participle} {reason}",
    "This is a decisive moment for the {noun}, and we intend to {verb} it {time}",
    "If the {noun} cannot be {participle} {time}, the {noun2} will suffer",
]
CLAUSES = [
    "the {noun} should be {participle} {time}",
    "the plan for the {noun} was {adj} and needed to be {participle}",
    "the {noun} would cost more than expected {reason}",
    "any change to the {noun} had to be {participle} first",
]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def an(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    title: str = ""  # a person's role ...
    org: Actor | None = None  # ... in this organisation
    role_evidence: dict[str, str] | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def short(self) -> str:
        return self.aliases[0] if self.kind == "person" else self.name

    def record(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name, "kind": self.kind}
        if self.aliases:
            data["aliases"] = self.aliases
        if self.role_evidence and self.org:
            role = {"title": self.title.capitalize(), "of": self.org.id}
            data["roles"] = [{**role, "evidence": self.role_evidence}]
        data["evidence"] = self.evidence
        return data


class Pools:
    """Actors and cited reports, growing with the corpus; a few actors are prominent."""

    def __init__(self, rng: Random, records: int):
        self.rng = rng
        self.used: set[str] = set()
        self.orgs = [self._org() for _ in range(max(4, records // 60))]
        self.states = [self._state() for _ in range(max(2, records // 400))]
        self.papers = [self._paper() for _ in range(max(2, records // 500))]
        self.people = [self._person() for _ in range(max(6, records // 30))]
        self.next_person = 0  # each person leads once before any repeats: all get evidence
        self.reports: dict[tuple[str, str], dict[str, Any]] = {}

    def _unique(self, make) -> tuple[str, str]:
        for _ in range(1000):
            name = make()
            if slug(name) not in self.used:
                self.used.add(slug(name))
                return name, slug(name)
        name = f"{make()} {len(self.used)}"
        self.used.add(slug(name))
        return name, slug(name)

    def _org(self) -> Actor:
        rng = self.rng
        body, kind = rng.choice(BODIES)
        name, ident = self._unique(lambda: f"{rng.choice(REGIONS)} {rng.choice(DOMAINS)} {body}")
        acronym = "".join(word[0] for word in name.split())
        return Actor(ident, name, kind, [acronym] if rng.random() < 0.5 else [])

    def _state(self) -> Actor:
        rng = self.rng
        name, ident = self._unique(lambda: rng.choice(STATE_HEADS) + rng.choice(STATE_TAILS))
        return Actor(ident, name, "state")

    def _paper(self) -> Actor:
        rng = self.rng
        name, ident = self._unique(lambda: f"The {rng.choice(CITIES)} {rng.choice(PAPERS)}")
        return Actor(ident, name, "publication")

    def _person(self) -> Actor:
        rng = self.rng
        name, ident = self._unique(lambda: f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}")
        person = Actor(ident, name, "person", [name.split()[-1]])
        person.title, person.org = rng.choice(TITLES), self.pick(self.orgs)
        return person

    def pick(self, pool: list[Actor]) -> Actor:
        """Three draws in ten go to the first few actors of a pool: the prominent ones."""
        if self.rng.random() < 0.3:
            return self.rng.choice(pool[: max(1, min(10, len(pool) // 10))])
        return self.rng.choice(pool)

    def speakers(self, count: int) -> list[Actor]:
        lead = self.people[self.next_person % len(self.people)]
        self.next_person += 1
        chosen = [lead]
        while len(chosen) < min(count, len(self.people)):
            person = self.pick(self.people)
            if person not in chosen:
                chosen.append(person)
        return chosen

    def actors(self) -> list[Actor]:
        everyone = self.orgs + self.states + self.papers + self.people
        return [actor for actor in everyone if actor.evidence]


class ArticleWriter:
    """Builds one article's text paragraph by paragraph, remembering what each record quotes."""

    def __init__(self, rng: Random, ident: str):
        self.rng, self.id = rng, ident
        self.paragraphs: list[str] = []
        self.mentions: dict[str, tuple[Actor, str]] = {}  # actor id -> (actor, a quote)
        self.introduced: set[str] = set()

    def fill(self, template: str, **extra: str) -> str:
        rng = self.rng
        verb, participle = rng.choice(VERBS)
        noun, noun2 = rng.sample(NOUNS, 2)
        adj, adj2 = rng.sample(ADJECTIVES, 2)
        values = {
            "verb": verb,
            "participle": participle,
            "noun": noun,
            "noun2": noun2,
            "adj": adj,
            "adj2": adj2,
            "time": rng.choice(TIMES),
            "reason": rng.choice(REASONS),
            "city": rng.choice(CITIES),
            "year": str(rng.randint(2005, 2014)),
            **extra,
        }
        return template.format(**values)

    def mention(self, actor: Actor, quote: str) -> None:
        self.mentions.setdefault(actor.id, (actor, quote))

    def name(self, person: Actor) -> str:
        """A person's full name and role at their first mention, their surname after it."""
        if person.id in self.introduced:
            return person.short
        self.introduced.add(person.id)
        assert person.org is not None
        phrase = f"{person.name}, {person.title} of the {person.org.name}"
        self.mention(person.org, person.org.name)
        if person.role_evidence is None:
            person.role_evidence = {"source": self.id, "quote": phrase}
        return phrase

    def filler(self) -> str:
        return self.fill(self.rng.choice(FILLER))

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n"


class Corpus:
    def __init__(self, records: int, seed: int):
        self.rng = Random(seed)
        self.target, self.seed = records, seed
        self.pools = Pools(self.rng, records)
        self.articles: list[tuple[str, dict[str, Any], str]] = []  # id, front matter, text
        self.annotations: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self.claims: list[dict[str, Any]] = []
        self.questions: list[dict[str, Any]] = []
        self.counts = {"claims": 0, "measures": 0, "figures": 0}

    @property
    def records(self) -> int:
        return (
            len(self.articles)
            + len(self.pools.reports)
            + len(self.pools.actors())
            + sum(self.counts.values())
            + len(self.questions)
        )

    def build(self) -> None:
        while self.records < self.target or not self.articles:
            self.article(len(self.articles) + 1)
            if len(self.articles) % 8 == 0 and len(self.claims) >= 6:
                self.question()

    def article(self, number: int) -> None:
        rng, pools = self.rng, self.pools
        paper = pools.pick(pools.papers)
        org = pools.pick(pools.orgs)
        state = pools.pick(pools.states)
        year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
        ident = f"{slug(paper.name.removeprefix('The '))}-{year}-{number:05d}"
        writer = ArticleWriter(rng, ident)
        date = f"{year}-{month:02d}-{day:02d}"
        exact = rng.random() < 0.7
        published = date if exact else date[:7]
        records: dict[str, list[dict[str, Any]]] = {"claims": [], "measures": [], "figures": []}

        city = rng.choice(CITIES)
        writer.paragraphs.append(f"{city}, {paper.name} —")
        writer.mention(paper, paper.name)

        # The lead: an organisation announces a measure.
        verb, participle = rng.choice(VERBS)
        noun = rng.choice(NOUNS)
        action = f"{verb} the {noun} {rng.choice(TIMES)}"
        announced = f"announced on {rng.choice(DAYS)} that it would {action}"
        lead = f"The {org.name} {announced}, {rng.choice(REASONS)}."
        writer.mention(org, org.name)
        writer.paragraphs.append(f"{lead} {writer.filler()}")
        measure = {
            "id": f"{ident}-measure",
            "summary": f"The {org.name} to {verb} the {noun}.",
            "kind": rng.choice(MEASURE_KINDS),
            "status": rng.choice(STATUSES),
            "actors": [org.id],
            "announced": published,
            "tags": rng.sample(TAGS, rng.randint(0, 2)),
            "evidence": [{"source": ident, "quote": announced}],
        }

        # Claims: people quoted or paraphrased.
        speakers = pools.speakers(rng.randint(2, 4))
        for index in range(rng.randint(3, 6)):
            speaker = speakers[index % len(speakers)]
            claim = self.claim(writer, speaker, f"{ident}-claim-{index + 1}", published, org)
            records["claims"].append(claim)
        if rng.random() < 0.4:
            urging = speakers[0]
            measure["urged_by"] = [urging.id]
            quote = f"{urging.short} had urged the {org.name} to act"
            writer.paragraphs.append(f"{quote}, {paper.name} has learned. {writer.filler()}")
            writer.mention(urging, quote)

        # A cited report with a number or two.
        report = self.report(writer, org, year)
        unit, happened = rng.choice(UNITS)
        said, qualifier = rng.choice(QUALIFIERS)
        value, before = rng.randint(100, 99_999), rng.randint(100, 99_999)
        counted = f"{said}{value:,} {unit} {happened} in {year - 1}"
        earlier = f"{before:,} a year earlier"
        writer.paragraphs.append(
            f"According to {report['quote']}, {counted}, "
            f"{'up' if value > before else 'down'} from {earlier}. {writer.filler()}"
        )
        figure = {
            "id": f"{ident}-figure-1",
            "value": value,
            "unit": unit,
            "counts": f"{unit.capitalize()} that {happened} in {year - 1}",
            "period": {"from": str(year - 1), "to": str(year - 1)},
            "stated_by": org.id,
            "via": [report["id"]],
            "evidence": [{"source": ident, "quote": counted}],
        }
        if qualifier:
            figure["qualifier"] = qualifier
        records["figures"].append(figure)
        if rng.random() < 0.5:
            records["figures"].append(
                {
                    "id": f"{ident}-figure-2",
                    "value": before,
                    "unit": unit,
                    "counts": f"{unit.capitalize()} that {happened} in {year - 2}",
                    "period": {"from": str(year - 2)},
                    "via": [report["id"]],
                    "evidence": [{"source": ident, "quote": earlier}],
                }
            )
        sentence = f"Officials in {state.name} are watching the outcome closely."
        writer.paragraphs.append(f"{writer.filler()} {sentence}")
        writer.mention(state, f"Officials in {state.name}")
        records["measures"].append(measure)
        for _ in range(rng.randint(1, 3)):
            writer.paragraphs.append(" ".join(writer.filler() for _ in range(rng.randint(1, 3))))

        text = writer.text
        for actor, quote in writer.mentions.values():
            if len(actor.evidence) < 3:
                actor.evidence.append({"source": ident, "quote": quote})
        kind = rng.choices(["news-article", "op-ed", "report"], [8, 1, 1])[0]
        meta: dict[str, Any] = {
            "label": f"{paper.name}: {org.name} to {verb} the {noun}",
            "kind": kind,
            "publisher": paper.id,
            "published": published,
        }
        if not exact:
            meta["inferred"] = {
                "published": f"The article gives no day; it reports events of {year}-{month:02d}."
            }
        meta["received"] = {
            "file": f"{number:06d}_{hashlib.sha1(ident.encode()).hexdigest()[:16]}.txt",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        }
        self.articles.append((ident, meta, text))
        for section, items in records.items():
            for item in items:
                item["tags"] = item.get("tags") or []
                if not item["tags"]:
                    del item["tags"]
                for evidence in item["evidence"]:
                    _disambiguate(evidence, text)
            self.counts[section] += len(items)
        self.annotations[ident] = {k: v for k, v in records.items() if v}

    def claim(
        self, writer: ArticleWriter, speaker: Actor, ident: str, date: str, org: Actor
    ) -> dict[str, Any]:
        rng = self.rng
        quoted = rng.random() < 0.6
        name = writer.name(speaker)
        if quoted:
            words = writer.fill(rng.choice(QUOTES))
            said = f"said {name}"
            writer.paragraphs.append(f"“{words},” {said}. {writer.filler()}")
            writer.mention(speaker, f"said {speaker.name}" if name != speaker.short else said)
            quote, summary = words, f"{speaker.short}: {words}."
        else:
            verb = rng.choice(REPORTED_VERBS)
            clause = writer.fill(rng.choice(CLAUSES))
            quote = f"{verb} that {clause}"
            writer.paragraphs.append(f"{name} {quote}. {writer.filler()}")
            writer.mention(speaker, speaker.name if name != speaker.short else speaker.short)
            summary = f"{speaker.short} says {clause}."
        claim: dict[str, Any] = {
            "id": ident,
            "speaker": speaker.id,
            "summary": summary,
            "form": "quoted" if quoted else "reported",
            "date": date,
        }
        if rng.random() < 0.3:
            claim["about"] = [org.id]
        earlier = self.claims[-200:]  # relate to recent claims, as a debate does
        for relation, chance in (("supports", 0.15), ("disputes", 0.1), ("responds_to", 0.1)):
            if earlier and rng.random() < chance:
                claim[relation] = [rng.choice(earlier)["id"]]
        if rng.random() < 0.5:
            claim["tags"] = rng.sample(TAGS, rng.randint(1, 2))
        claim["evidence"] = [{"source": writer.id, "quote": quote}]
        self.claims.append(claim)
        return claim

    def report(self, writer: ArticleWriter, org: Actor, year: int) -> dict[str, Any]:
        """A report the article cites: one per organisation and year, shared by articles."""
        key = (org.id, str(year - 1))
        quote = f"a {year - 1} report by the {org.name}"
        writer.mention(org, org.name)
        if key not in self.pools.reports:
            self.pools.reports[key] = {
                "id": f"{org.id}-report-{year - 1}",
                "label": f"{org.name}: annual report for {year - 1}",
                "kind": "report",
                "author": org.id,
                "published": str(year),
                "inferred": {
                    "published": f"Cited as covering {year - 1}; taken to appear in {year}."
                },
                "evidence": [],
                "owner": writer.id,
            }
        report = self.pools.reports[key]
        if len(report["evidence"]) < 3:
            report["evidence"].append({"source": writer.id, "quote": quote})
        return {"id": report["id"], "quote": quote}

    def question(self) -> None:
        rng = self.rng
        chosen = rng.sample(self.claims[-40:], rng.randint(3, 5))
        number = len(self.questions) + 1
        noun = rng.choice(NOUNS)
        self.questions.append(
            {
                "id": f"question-{number:04d}-{slug(noun)}",
                "question": f"Is the {noun} being handled well? (question {number})",
                "claims": list(dict.fromkeys(c["id"] for c in chosen)),
                "tags": rng.sample(TAGS, 1),
            }
        )

    def write(self, out: Path) -> None:
        articles = out / "seeds" / "articles"
        annotations = out / "seeds" / "annotations"
        articles.mkdir(parents=True)
        annotations.mkdir(parents=True)
        texts = {ident: text for ident, _, text in self.articles}
        for ident, meta, text in self.articles:
            header = "# yaml-language-server: $schema=../../generator/schemas/article.schema.json\n"
            content = f"---\n{header}{dump(meta)}---\n{text}"
            (articles / f"{ident}.txt").write_text(content, encoding="utf-8")
        reports: dict[str, list[dict[str, Any]]] = {}
        for report in self.pools.reports.values():
            for evidence in report["evidence"]:
                _disambiguate(evidence, texts[evidence["source"]])
            reports.setdefault(report.pop("owner"), []).append(report)
        schema = "# yaml-language-server: $schema=../../generator/schemas/annotations.schema.json\n"
        for ident, records in self.annotations.items():
            data = {"sources": reports[ident]} if ident in reports else {}
            data.update(records)
            (annotations / f"{ident}.yaml").write_text(schema + dump(data), encoding="utf-8")
        actors = self.pools.actors()
        for actor in actors:
            for evidence in actor.evidence + ([actor.role_evidence] if actor.role_evidence else []):
                _disambiguate(evidence, texts[evidence["source"]])
        for start in range(0, len(actors), 500):  # files stay far below the loader's limits
            chunk = {"actors": [actor.record() for actor in actors[start : start + 500]]}
            name = f"actors-{start // 500 + 1:03d}.yaml"
            (annotations / name).write_text(schema + dump(chunk), encoding="utf-8")
        if self.questions:
            data = {"questions": self.questions}
            (annotations / "questions.yaml").write_text(schema + dump(data), encoding="utf-8")
        overview = {
            "title": f"Synthetic briefing: public works and services ({self.records:,} records)",
            "topic": (
                f"A generated corpus of {len(self.articles):,} news reports (seed {self.seed}) "
                "about agencies, their measures and the people who argue over them, used to "
                "measure how the build scales."
            ),
        }
        (out / "seeds" / "briefing.yaml").write_text(dump(overview), encoding="utf-8")


def _disambiguate(evidence: dict[str, Any], text: str) -> None:
    """Say which occurrence is meant when the quoted words occur more than once."""
    found = SearchableText(text).find(evidence["quote"])  # the generator's own matching
    if isinstance(found, Miss):
        raise AssertionError(f"quote not in {evidence['source']}: {evidence['quote']!r}")
    if found.occurrences > 1:
        evidence["occurrence"] = 1


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1_000_000)


def copy_project(out: Path, source: Path = REPO) -> None:
    """What the build needs besides seeds/: templates, generator, hand-written pages, config, from
    ``source``: the repository, or a commit of it exported (``git archive``: its docs/ holds
    only what was committed, so all of it is copied)."""
    sys.path.insert(0, str(REPO))
    from generator.writing import OWNED_FILES, OWNED_FOLDERS

    generated = {*OWNED_FILES, *OWNED_FOLDERS} if source == REPO else set()
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(source / "templates", out / "templates", ignore=skip)
    shutil.copytree(source / "generator", out / "generator", ignore=skip)
    shutil.copy2(source / "mkdocs.yml", out / "mkdocs.yml")
    docs = out / "docs"
    docs.mkdir()
    for path in (source / "docs").iterdir():
        if path.name in generated:
            continue
        if path.is_file() and path.suffix == ".md":
            shutil.copy2(path, docs / path.name)
        elif path.is_dir():
            shutil.copytree(path, docs / path.name, ignore=skip)


@dataclass(frozen=True)
class Stats:
    records: int
    articles: int
    by_kind: dict[str, int]


def make_corpus(records: int, seed: int, out: Path, source: Path = REPO) -> Stats:
    """Write the project into ``out`` (which must not exist or be empty), with the generator of
    ``source`` (``copy_project``)."""
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty; choose a new folder")
    out.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(records, seed)
    corpus.build()
    corpus.write(out)
    copy_project(out, source)
    from generator.input import site_config  # on the path once copy_project has run

    overview = yaml.safe_load((out / "seeds" / "briefing.yaml").read_text(encoding="utf-8"))
    site_config.repeat(out, overview)  # mkdocs.yml names the briefing, as init writes it
    by_kind = {
        "actors": len(corpus.pools.actors()),
        "sources": len(corpus.articles) + len(corpus.pools.reports),
        **corpus.counts,
        "questions": len(corpus.questions),
    }
    return Stats(corpus.records, len(corpus.articles), by_kind)


def claim_to_edit(root: Path) -> tuple[str, Path, int, int]:
    """The claim ``edit_one_claim`` edits (the first of the middle article): its id, its file,
    and where its summary's line starts and ends there."""
    files = sorted(
        p for p in (root / "seeds" / "annotations").glob("*.yaml") if "claims:" in p.read_text()
    )
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    claims = text.index("\nclaims:\n")
    start = text.index("\n  summary: ", claims) + 1
    ident = re.findall(r"^- id: (\S+)$", text[claims:start], re.MULTILINE)[-1]
    return ident, path, start, text.index("\n", start)


def edit_one_claim(root: Path) -> str:
    """Change the summary of one claim (in the middle article) in place; return its id."""
    ident, path, start, end = claim_to_edit(root)
    text = path.read_text(encoding="utf-8")
    line = text[start:end]
    edited = f"{line[:-1]} Edited.{line[-1]}" if line[-1] in "'\"" else f"{line} Edited."
    path.write_text(text[:start] + edited + text[end:], encoding="utf-8")
    return ident


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, required=True, help="about how many records")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="a new or empty folder")
    arguments = parser.parse_args()
    stats = make_corpus(arguments.records, arguments.seed, arguments.out)
    kinds = ", ".join(f"{count} {kind}" for kind, count in stats.by_kind.items())
    print(f"{stats.records} records ({kinds}) in {stats.articles} articles: {arguments.out}")


if __name__ == "__main__":
    main()
