"""What a news page shows inside its article that is not the article's paragraphs: posts
embedded from social networks (a tweet's text, its "pic.twitter.com/..." link and its
"— Name (@handle) date" line), frames, and the captions of pictures, whether marked as captions
(``<figure>``, ``<figcaption>``, an element classed "caption") or set as a paragraph of their
own that repeats the picture's description (its ``alt`` text).
"""

from __future__ import annotations

import difflib
import re

from lxml import html as lxml_html

# Classes the networks' embedding code gives the quotation it turns into a post
EMBED_CLASSES = {
    "twitter-tweet", "twitter-video", "twitter-timeline", "instagram-media", "tiktok-embed",
    "fb-post", "fb-video", "reddit-embed-bq", "bluesky-embed", "text-post-media",
}  # fmt: skip
# The address of one post, which an embedded post links to (its date, at its end)
_POST_ADDRESS = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:(?:twitter|x)\.com/\w+/status(?:es)?/|instagram\.com/"
    r"(?:p|reel|tv)/|tiktok\.com/@[^/]+/video/|facebook\.com/[^/]+/(?:posts|videos)/|"
    r"bsky\.app/profile/[^/]+/post/|threads\.net/@[^/]+/post/)",
    re.IGNORECASE,
)
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|figcaption|wp-caption-text)(?:$|[\s_-])")
_MIN_ALT_WORDS = 8  # a shorter description ("Ferry", "Photo of the mayor") repeats no paragraph
_SAME_AS_ALT = 0.8


def embedded_posts(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Embedded posts and frames: a quotation classed as one, or one whose last link is the
    address of a post (the embedding code's markup, seen before its script runs)."""
    found = []
    for element in tree.iter("blockquote", "iframe", "embed", "object"):
        if element.tag != "blockquote":
            found.append(element)
            continue
        classes = set((element.get("class") or "").split())
        links = element.xpath(".//a/@href")
        if classes & EMBED_CLASSES or (links and _POST_ADDRESS.match(links[-1])):
            found.append(element)
    return found


def captions(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Pictures' captions: ``<figure>`` (a picture with its caption, an embedded post) and
    ``<figcaption>``, an element classed as a caption, and a paragraph or list item that
    repeats a picture's ``alt`` text (a caption set below the picture as a list of one)."""
    found = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and (
            element.tag in ("figure", "figcaption")
            or _CAPTION_CLASS.search((element.get("class") or "").lower())
        )
    ]
    described = [
        _plain(alt) for alt in tree.xpath("//img/@alt") if len(alt.split()) >= _MIN_ALT_WORDS
    ]
    if described:
        for element in tree.iter("p", "li"):
            text = _plain(element.text_content())
            if text and any(_similar(text, alt) for alt in described):
                found.append(element)
    return found


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _similar(text: str, alt: str) -> bool:
    matcher = difflib.SequenceMatcher(None, text, alt, autojunk=False)
    return (
        matcher.real_quick_ratio() >= _SAME_AS_ALT
        and matcher.quick_ratio() >= _SAME_AS_ALT
        and matcher.ratio() >= _SAME_AS_ALT
    )
