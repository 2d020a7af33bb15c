"""The Atom feed (RFC 4287) of the articles as they joined the briefing: ``feed.xml``, for readers
who come back. An entry an article, newest first (``overviews.latest``), each linking to its
page and listing the records its annotation file defines; the newest ``ENTRIES`` of them, as
feeds keep to what a reader has not yet seen (a briefing of 1,000 articles would weigh MBs). Atom's ids and links are absolute, so
it is written only where the site's address is known (``about['site_url']``). Its dates come
from the repository and the input, never the clock: the same commit writes the same feed.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from generator.i18n import _
from generator.model.records import Briefing, Record
from generator.render.overviews import latest
from generator.render.templating import page_path

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50
NO_DATE = "1970-01-01"  # an empty briefing's, or an undated article's: Atom wants one


def feed(b: Briefing) -> str:
    site = b.about["site_url"]
    entries = latest(b, ENTRIES)
    root = ET.Element("feed", xmlns=ATOM)
    ET.SubElement(root, "id").text = site
    ET.SubElement(root, "title").text = b.title
    ET.SubElement(root, "subtitle").text = b.description
    ET.SubElement(root, "updated").text = _instant(entries[0][1] if entries else "")
    ET.SubElement(root, "link", rel="self", href=f"{site}feed.xml")
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=site)
    ET.SubElement(ET.SubElement(root, "author"), "name").text = b.title
    for source, date, joined, records in entries:
        entry = ET.SubElement(root, "entry")
        address = _address(site, source)
        ET.SubElement(entry, "id").text = address
        ET.SubElement(entry, "title").text = source.label
        ET.SubElement(entry, "updated").text = _instant(date)
        ET.SubElement(entry, "link", rel="alternate", type="text/html", href=address)
        content = ET.SubElement(entry, "content", type="html")
        content.text = _content(site, date, joined, records)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _address(site: str, record: Record) -> str:
    return site + page_path(record).removesuffix(".md") + "/"


def _instant(date: str) -> str:
    """A date as precise as the input gives it (2019, 2019-05, 2019-05-01) as an Atom instant:
    the first day it can be, at midnight UTC."""
    year, month, day = ((date or NO_DATE).split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def _content(site: str, date: str, joined: bool, records: list[Record]) -> str:
    if date:
        when = (_("Added %(date)s") if joined else _("Published %(date)s")) % {"date": date}
    else:
        when = _("Date not known")
    items = "".join(
        f'<li><a href="{html.escape(_address(site, r))}">{html.escape(r.label)}</a></li>'
        for r in records
    )
    records_heading = html.escape(_("Its records:"))
    return f"<p>{html.escape(when)}.</p>" + (
        f"<p>{records_heading}</p><ul>{items}</ul>" if items else ""
    )
