"""A web page to its story: trafilatura's main text, else the page's plain text, else its text tokens.

trafilatura and lxml sit on libxml2, which drops everything nested deeper than 255 elements; such a
page (broken, or hostile) gets its text from the standard library's tokenizer, which keeps no tree.
"""

from __future__ import annotations

import logging
from html.parser import HTMLParser

__all__ = ["extract_html", "plain_text", "token_text"]

log = logging.getLogger(__name__)

# elements whose text is not the story, and elements that start a line of it
DROPPED = ("script", "style", "noscript", "template", "nav", "header", "footer")
BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
)
HIDDEN = {*DROPPED, "head"}  # the tokenizer sees <head> too; lxml's body does not hold it


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


def extract_html(html: str, path: str) -> tuple[str, str, str, str]:
    """(text, title, url, date) of a page; the text is empty only when the page has none."""
    import trafilatura  # slow to import: only when there is HTML to read

    dates = {"original_date": True, "extensive_search": False}
    try:
        found = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, date_extraction_params=dates
        )
        meta = found or trafilatura.extract_metadata(html, date_config=dates, extensive=False)
    except Exception as exc:  # a third-party parser on arbitrary input: fall back, never lose the file
        log.warning("%s: trafilatura failed (%s), using the plain page text", path, exc)
        found = meta = None
    text = normalise(found.text or "") if found else ""
    if not text.strip():
        log.debug("%s: no main text found, using the plain page text", path)
        text = plain_text(html)
    if not text.strip():
        text = token_text(html)
        if text.strip():
            log.warning("%s: elements nested too deep for the HTML parser; read the page's text as is", path)
    return text, (meta and meta.title) or "", (meta and meta.url) or "", (meta and meta.date) or ""


def plain_text(html: str) -> str:
    """The text of the page's body, without scripts, styles and navigation, a line per block."""
    from lxml import etree
    from lxml import html as lxml_html

    try:  # bytes, so that an XML encoding declaration in the page cannot clash with a str
        root = lxml_html.document_fromstring(
            html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except (etree.LxmlError, ValueError):
        return ""
    for element in root.xpath("|".join(f"//{tag}" for tag in DROPPED)):
        element.drop_tree()
    for element in root.xpath(
        "|".join(f"//{tag}" for tag in BLOCK_TAGS)
    ):  # text_content() would glue paragraphs together
        element.tail = "\n" + (element.tail or "")
    body = root.find("body")
    lines = (line.strip() for line in (root if body is None else body).text_content().splitlines())
    return "\n".join(line for line in lines if line)


class TextTokens(HTMLParser):
    """Collects the text outside hidden elements; a block tag starts a new line. No tree, no depth limit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # open hidden elements (script, style …); their text is not the story

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def token_text(html: str) -> str:
    """The page's visible text by the standard library's tokenizer, a line per block."""
    parser = TextTokens()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
