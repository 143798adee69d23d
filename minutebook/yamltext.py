"""A strict YAML reader that remembers line numbers.

PyYAML's own loaders forget where a value came from, keep the last of two
duplicate keys, expand aliases (a "billion laughs" document exhausts memory)
and guess types (`10:30` becomes the integer 630). Editors need none of that:
every scalar here stays a string, aliases and duplicate keys are refused, and
every mapping and list knows the line of each of its entries.
"""
from __future__ import annotations

import yaml

try:  # the C parser is much faster; it emits the same events
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


class YMap(dict):
    """A mapping whose `.line` is where it starts and `.lines[key]` where each key is."""

    line: int
    lines: dict


class YList(list):
    line: int
    lines: list


def _line(mark, offset: int) -> int:
    return mark.line + 1 + offset


def parse(text: str, line_offset: int = 0):
    """Parse one YAML document into YMap / YList / str / None, strictly."""
    loader = _BaseLoader(text)
    try:
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # DocumentStart
        value = _build(loader, line_offset)
        loader.get_event()  # DocumentEnd
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.peek_event()
            raise YamlProblem(_line(event.start_mark, line_offset), "more than one YAML document; expected one")
        return value
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = _line(mark, line_offset) if mark else line_offset + 1
        raise YamlProblem(line, f"YAML syntax error: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(line_offset + 1, f"YAML error: {exc}") from None
    finally:
        loader.dispose()


def _build(loader, offset: int):
    event = loader.get_event()
    line = _line(event.start_mark, offset)
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        # Refused outright, before any expansion, so alias bombs cost nothing.
        raise YamlProblem(line, "YAML anchors and aliases (& and *) are not allowed; write the value out in full")
    if isinstance(event, yaml.ScalarEvent):
        if event.tag not in (None, "!", "tag:yaml.org,2002:str") and not event.tag.startswith("tag:yaml.org,2002:"):
            raise YamlProblem(line, f"YAML tag {event.tag} is not allowed")
        if event.style is None and event.value in ("", "~", "null", "Null", "NULL"):
            return None
        return event.value
    if isinstance(event, yaml.SequenceStartEvent):
        items = YList()
        items.line, items.lines = line, []
        while not loader.check_event(yaml.SequenceEndEvent):
            items.lines.append(_line(loader.peek_event().start_mark, offset))
            items.append(_build(loader, offset))
        loader.get_event()
        return items
    if isinstance(event, yaml.MappingStartEvent):
        mapping = YMap()
        mapping.line, mapping.lines = line, {}
        while not loader.check_event(yaml.MappingEndEvent):
            key_line = _line(loader.peek_event().start_mark, offset)
            key = _build(loader, offset)
            if not isinstance(key, str):
                raise YamlProblem(key_line, "a key must be a plain word, not a list or mapping")
            if key in mapping:
                raise YamlProblem(
                    key_line, f"duplicate key '{key}' (first given on line {mapping.lines[key]}); give each key once"
                )
            mapping.lines[key] = key_line
            mapping[key] = _build(loader, offset)
        loader.get_event()
        return mapping
    raise YamlProblem(line, f"unexpected YAML content ({type(event).__name__})")
