"""Parse the HTML view back: the text it shows, the marks it opens and closes."""
from __future__ import annotations

from html.parser import HTMLParser


class ViewParser(HTMLParser):
    """Collects the text inside ``.usru-text`` (mark labels left out), tags and mark titles."""

    VOID = {"br", "meta", "img", "input", "hr", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list = []
        self.text: list = []
        self.tags: list = []
        self.titles: list = []
        self.balanced = True

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "mark":
            self.titles.append(attrs.get("title") or "")
        if tag not in self.VOID:
            self.stack.append((tag, attrs.get("class") or ""))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.balanced = False
            return
        self.stack.pop()

    def handle_data(self, data):
        classes = [c for _, c in self.stack]
        if any("usru-text" in c for c in classes) and not any("usru-lab" in c for c in classes):
            self.text.append(data)


def parse(html_text: str) -> ViewParser:
    p = ViewParser()
    p.feed(html_text)
    p.close()
    return p
