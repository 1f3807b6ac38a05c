"""Extract an article's main text and metadata from an HTML page with the standard library.

Why hand-written: the pages researchers feed ``stance`` are single news articles, where the
article text sits in ``<article>`` or ``<main>`` (or the body) and the noise sits in elements we
can name — scripts, styles, navigation, headers, footers, asides, forms, iframes. Skipping those
elements and then running the same line cleaner as for plain text (:mod:`stance.cleaning`) keeps
every paragraph of the article, adds no dependency, and never executes or fetches anything.

Block elements (``p``, ``h1``–``h6``, ``li``, ``div``, ``br`` …) become paragraph breaks so the
sentence splitter sees headings and paragraphs as the reader did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["HtmlDocument", "extract_html"]

#: Elements whose whole content is never article text.
SKIP_TAGS = frozenset(
    """script style noscript template nav header footer aside form iframe svg canvas button
    select option textarea figure figcaption object embed video audio map dialog menu""".split()
)
#: Elements that start a new paragraph.
BLOCK_TAGS = frozenset(
    """p div section article main h1 h2 h3 h4 h5 h6 li ul ol blockquote pre table tr td th br hr
    dd dt dl address center""".split()
)
#: Void elements never have an end tag, so they must not be pushed on the skip stack.
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())


@dataclass
class HtmlDocument:
    """Text and metadata found in a page."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.regions: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.open_regions: list[str] = []
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop")
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"].strip())
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href") or None
            return
        if tag == "title" and not self.skip_depth:
            self.in_title = True
        if tag in SKIP_TAGS and tag not in VOID_TAGS:
            self.skip_depth += 1
            self.skip_stack.append(tag)
            return
        if tag in ("article", "main", "body"):
            self.open_regions.append(tag)
        if tag in BLOCK_TAGS:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.skip_stack:
            # pop up to the matching element, forgiving mis-nested or unclosed children
            while self.skip_stack:
                self.skip_depth -= 1
                if self.skip_stack.pop() == tag:
                    break
            return
        if self.skip_depth:
            return
        if tag in BLOCK_TAGS:
            self._emit("\n\n")
        if tag in self.open_regions:
            # close the innermost open region of that name
            index = len(self.open_regions) - 1 - self.open_regions[::-1].index(tag)
            del self.open_regions[index]

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        self._emit(data.replace("\n", " "))

    def _emit(self, text: str) -> None:
        # Text outside any region still belongs to the page body (fragments without <body>).
        targets = set(self.open_regions) | {"body"}
        for region in targets:
            self.regions[region].append(text)


def extract_html(html: str) -> HtmlDocument:
    """Return the main text of a page and what its metadata says.

    The text is taken from the first non-empty of ``<article>``, ``<main>`` and the body,
    after dropping the contents of :data:`SKIP_TAGS`. Metadata comes from Open Graph and
    article meta tags, ``<link rel=canonical>`` and ``<title>``.
    """
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    text = ""
    for region in ("article", "main", "body"):
        text = _tidy("".join(parser.regions[region]))
        if text:
            break
    meta = parser.meta
    title = meta.get("og:title") or " ".join("".join(parser.title_parts).split()) or None
    date = meta.get("article:published_time") or meta.get("datepublished") or meta.get("date") or meta.get("pubdate")
    return HtmlDocument(
        text=text,
        title=title,
        date=date or None,
        url=meta.get("og:url") or parser.canonical,
        outlet=meta.get("og:site_name") or None,
        meta=dict(meta),
    )


def _tidy(text: str) -> str:
    """Collapse runs of spaces inside lines and runs of blank lines between paragraphs."""
    paragraphs = []
    for block in text.split("\n\n"):
        line = " ".join(block.split())
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)
