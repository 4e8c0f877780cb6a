"""Input records: what a reader yields and what the annotator consumes.

A :class:`Record` is one input item at its position ``pos`` (0-based, counted over every item
the reader produced, bad ones included, so positions are the same on every run over the same
input). A record the reader could not make sense of (a malformed JSON line, a CSV row of the
wrong width, a text that is not a string) carries ``error`` and is written out as an error
record instead of being annotated.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence, Tuple, Union

FieldNames = Union[str, Sequence[str]]


@dataclass
class Fields:
    """Which fields of a dict record hold the text, the publication date and the id.

    ``text`` may name several fields (a list, or one string with commas: ``"title,body"``);
    the values present are joined with a newline, and a record with none is an error record.
    A missing or empty ``date`` means no date; a missing ``id`` means the id is the record's
    position.
    """

    text: FieldNames = "text"
    date: Optional[str] = "published"
    id: Optional[str] = "id"

    def text_fields(self) -> Tuple[str, ...]:
        if isinstance(self.text, str):
            return tuple(f.strip() for f in self.text.split(",") if f.strip())
        return tuple(self.text)


@dataclass
class Record:
    pos: int
    id: Any = None
    text: Optional[str] = None
    published: Any = None
    meta: dict = field(default_factory=dict)
    error: Optional[str] = None


def bad_record(pos: int, reason: str, **meta: Any) -> Record:
    """An error record: ``reason`` says what is wrong, ``meta`` where (line, file, raw input)."""
    return Record(pos=pos, id=pos, meta=meta, error=reason)


def to_record(pos: int, item: Any, fields: Fields) -> Record:
    """A Record from a str, a dict or a ``(text, meta)`` tuple."""
    if isinstance(item, Record):
        return item
    if isinstance(item, str):
        return Record(pos=pos, id=pos, text=item)
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], dict):
        meta = dict(item[1])
        record = Record(pos=pos, id=meta.get("id", pos), text=item[0], published=meta.get("published"), meta=meta)
        if not isinstance(item[0], str):
            record.error = f"TypeError: text must be str, not {type(item[0]).__name__}"
        return record
    if isinstance(item, dict):
        return _from_dict(pos, item, fields)
    return bad_record(pos, f"TypeError: a record must be a str, dict or (text, meta) tuple, not {type(item).__name__}",
                      input=repr(item)[:200])


def _from_dict(pos: int, item: dict, fields: Fields) -> Record:
    names = fields.text_fields()
    meta = {k: v for k, v in item.items() if k not in names}  # the text is in Result.text
    rid = item.get(fields.id) if fields.id else None
    record = Record(pos=pos, id=pos if _missing(rid) else rid, meta=meta)
    if fields.date:
        record.published = None if _missing(item.get(fields.date)) else item.get(fields.date)
    parts = []
    for name in names:
        value = item.get(name)
        if _missing(value) and value != "":  # None or NaN; an empty text is still a text
            continue
        if not isinstance(value, str):
            record.error = f"TypeError: text field {name!r} is {type(value).__name__}, not str"
            return record
        parts.append(value)
    if not parts:
        record.error = f"KeyError: no text: field {'/'.join(names)!r} missing or null"
        return record
    record.text = "\n".join(parts)
    return record


def _missing(value: Any) -> bool:
    """None, NaN (pandas' missing value) or an empty string."""
    if value is None or value == "":
        return True
    return isinstance(value, float) and value != value
