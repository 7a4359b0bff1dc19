"""The main text of a web page: the headline and the article, without the page furniture.

News and agency pages wrap an article in menus, "Baca juga" links, share buttons,
related-article lists, tag clouds and footers, and those often name other circulars. The
article is the `itemprop=articleBody`, `<article>` or `<main>` element with the most
text (the body otherwise); inside it, furniture is recognised by its tag, by the words
of its class or id, by "Baca juga"-style cues, and by being mostly links.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString, PageElement, Tag

_FURNITURE_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "template",
    "select",
    "input",
    "figure",
)
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
    "td",
    "th",
    "pre",
    "table",
    "ul",
    "ol",
)
# Words in a class or id that mark furniture (split at spaces, "-" and "_").
_FURNITURE_WORDS = frozenset(
    {"share", "sharing", "social", "sosmed", "related", "terkait", "breadcrumb",
     "breadcrumbs", "menu", "navbar", "navigation", "sidebar", "widget", "comment",
     "comments", "komentar", "footer", "advertisement", "advert", "ads", "iklan", "banner",
     "newsletter", "popular", "populer", "terpopuler", "trending", "recommendation",
     "rekomendasi", "tags", "cookie", "subscribe", "pagination", "bacajuga", "readmore",
     "copyright"}
)  # fmt: skip
_FURNITURE_PAIRS = frozenset({("baca", "juga"), ("read", "more"), ("read", "also")})
_WORD_SPLIT = re.compile(r"[\s_-]+")
# A paragraph that announces other articles or asks to follow and share.
_CUE = re.compile(
    r"^\W*(baca|simak|lihat|cek) (juga|pula|selengkapnya)\b|^\W*(artikel|berita) terkait\b"
    r"|^\W*(ikuti|follow) (kami|juga|berita|akun)\b|^\W*(bagikan|share)\b",
    re.IGNORECASE,
)
_CUE_BLOCKS = ("p", "div", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "section")
_CUE_BLOCK_LENGTH = 300  # a longer block holds article text too: only the cue line goes
_INLINE_TAGS = ("strong", "b", "em", "i", "span", "a", "u", "font")
_LINK_LIST_TAGS = ("ul", "ol", "div", "section", "table")
_LINK_SHARE = 0.6  # a block whose text is mostly links, with at least _LINK_COUNT links
_LINK_COUNT = 3


def read_html(data: bytes) -> str:
    soup = BeautifulSoup(data, "html.parser")
    for tag in soup.find_all(_FURNITURE_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    headline = _headline(soup)
    root = _article(soup)
    for tag in root.find_all(("header", "footer")):
        tag.decompose()
    _drop_furniture(root)
    for block in root.find_all(_BLOCK_TAGS):
        block.insert_before("\n")
        block.insert_after("\n")
    body = root.get_text()
    if headline and " ".join(headline.split()) not in " ".join(body.split()):
        return f"{headline}\n{body}"
    return body


def _headline(soup: BeautifulSoup) -> str:
    title = soup.find("h1")
    if isinstance(title, Tag):
        return title.get_text(" ", strip=True)
    return ""


def _article(soup: BeautifulSoup) -> Tag:
    marked = soup.find(itemprop="articleBody")
    if isinstance(marked, Tag):
        return marked
    for name in ("article", "main"):
        candidates = [t for t in soup.find_all(name) if isinstance(t, Tag)]
        if candidates:
            return max(candidates, key=_paragraph_text_length)
    return soup.body if isinstance(soup.body, Tag) else soup


def _paragraph_text_length(tag: Tag) -> int:
    return sum(len(p.get_text()) for p in tag.find_all("p")) or len(tag.get_text())


def _drop_furniture(root: Tag) -> None:
    # A container of most of the article is never furniture, whatever its class says
    # ("content has-sidebar").
    half = len(root.get_text(strip=True)) / 2
    for tag in root.find_all(True):
        if tag.decomposed or not (_marked_as_furniture(tag) or _mostly_links(tag)):
            continue
        if len(tag.get_text(strip=True)) <= half:
            tag.decompose()
    for text in root.find_all(string=_CUE):
        if not isinstance(text, NavigableString) or text.parent is None:
            continue
        block = text.find_parent(_CUE_BLOCKS)
        short = isinstance(block, Tag) and len(block.get_text(strip=True)) <= _CUE_BLOCK_LENGTH
        if isinstance(block, Tag) and block is not root and short:
            block.decompose()
            continue
        _drop_cue_line(text)


def _drop_cue_line(text: NavigableString) -> None:
    """The cue and what follows it up to the next line break (its links)."""
    start: PageElement = text
    while start.parent is not None and start.parent.name in _INLINE_TAGS:
        start = start.parent
    following = start.next_sibling
    while following is not None and getattr(following, "name", None) not in ("br", *_BLOCK_TAGS):
        after = following.next_sibling
        following.extract()
        following = after
    start.extract()


def _marked_as_furniture(tag: Tag) -> bool:
    classes = tag.get("class")
    names = [*(classes if isinstance(classes, list) else []), str(tag.get("id") or "")]
    words = [w.casefold() for name in names for w in _WORD_SPLIT.split(str(name)) if w]
    if any(word in _FURNITURE_WORDS for word in words):
        return True
    return any(pair in _FURNITURE_PAIRS for pair in pairwise(words))


def _mostly_links(tag: Tag) -> bool:
    if tag.name not in _LINK_LIST_TAGS:
        return False
    links = tag.find_all("a")
    if len(links) < _LINK_COUNT:
        return False
    text = len(tag.get_text(strip=True))
    linked = sum(len(a.get_text(strip=True)) for a in links)
    return text > 0 and linked / text >= _LINK_SHARE
