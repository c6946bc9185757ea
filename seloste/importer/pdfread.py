"""A PDF's pages as lines of text and rows of table cells, in reading order.

pdfplumber's plain text puts a two-column table's label and text on one line, and a right-column text that wraps
interleaves with the next labels. So each page's tables are found first and read cell by cell, and handed over
as rows of cells, the way the Word reader hands over a Word table:

- ruled tables (a Word table exported to PDF keeps its cell borders) by pdfplumber's `find_tables()` with its
  line strategy. Some exports draw no border where a page break cuts a row: such a row is closed where its
  column rules end;
- unruled two-column tables from the words' x-positions: lines whose text column starts at one x, with labels
  to its left that name the old notice's headings (`sections.kind_of`). The rows are cut where a label begins
  (or where the text column begins again once the label has ended), and pdfplumber reads the cells between
  those explicit rules. pdfplumber's own "text" strategy is not used: it cuts ordinary prose into columns
  wherever three words happen to line up, and cuts words in two.

The text outside the tables is read line by line as before; a page's lines and rows are ordered by height and
numbered by the page's plain-text lines. A row cut by a page break is joined to its part on the previous page,
so its text keeps its label; an unruled table that goes on over a page break is followed to the next page
(where it may start without a label) and back to the foot of the previous one (where it may be one row).
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pdfplumber.page import Page
    from pdfplumber.table import Table

#: Above these a page is read as plain text only: finding tables costs more than linearly in the page's drawn
#: edges and characters, and no notice's page comes near (a dense A4 page has some 6,000 characters).
MAX_TABLE_EDGES = 2000
MAX_TABLE_CHARS = 20000
#: The top and bottom share of a page where a running header or footer stands (a Word page's header and footer
#: are 1.25 cm from its edges, its text 2.5 cm).
MARGIN = 0.06
_CAPITALISED = re.compile(r"^[A-ZÅÄÖ][a-zåäö]")
_SENTENCE_INSIDE = re.compile(r"\w[.!?]\s+[A-ZÅÄÖ]")

BBox = tuple[float, float, float, float]
Word = dict[str, Any]
Parts = tuple[list[Word], list[Word]]  # a line's words left and right of a table's text column


@dataclass
class Text:
    """A line of text outside the tables."""

    text: str
    page: int
    line: int
    margin: bool = False  # in the header or footer zone of its page


@dataclass
class Row:
    """A table row: every column's text, empty ones included."""

    cells: list[str]
    page: int
    line: int
    top: float
    columns: tuple[float, ...]  # the columns' left edges: the same table continued on the next page has them
    text_column: float | None = None  # an unruled table's: where its text column starts
    bboxes: list[BBox | None] = field(default_factory=list, repr=False)
    line_end: float | None = None  # a table's last row: where its last line of text ends
    column_end: float | None = None  # and how far to the right the text of that column reaches
    head: float | None = None  # a table's first row: the width of its text's first word and a space
    head_column_end: float | None = None  # and how far to the right the text of that column reaches


Item = Text | Row


def items(pages: Sequence[Page]) -> list[Item]:
    """The lines and table rows of all pages in reading order, rows cut by a page break joined."""
    read: list[list[Item]] = []
    above: list[float | None] = []  # the text column of an unruled table that ended the previous page
    for number, page in enumerate(pages, start=1):
        above.append(_text_column(read[-1], last=True) if read else None)
        read.append(_page(page, number, above[-1], None))
    for k in range(len(read) - 1):  # an unruled table that begins at the foot of a page, too short there to tell
        below = _text_column(read[k + 1], last=False)
        if below is not None and not isinstance(_body(read[k], last=True), Row):
            again = _page(pages[k], k + 1, above[k], below)
            if isinstance(_body(again, last=True), Row):
                read[k] = again
    _drop_running(read)
    tail: Item | None = None  # the last row or line so far (a row may run over a whole page)
    for page_items in read:
        joined = isinstance(tail, Row) and _join_across(tail, page_items)
        tail = _body(page_items, last=True) or (tail if joined else None)
    return [item for page_items in read for item in page_items]


def _drop_running(read: list[list[Item]]) -> None:
    """Drop the running headers and footers: a line in the top or bottom margin of two pages or more, page
    numbers aside (a Word file's header and footer are not its text either)."""
    def key(text: str) -> str:
        return " ".join(re.sub(r"\d+", "#", text).split()).lower()

    seen: dict[str, set[int]] = {}
    for page_no, page_items in enumerate(read):
        for item in page_items:
            if isinstance(item, Text) and item.margin:
                seen.setdefault(key(item.text), set()).add(page_no)
    running = {text for text, pages in seen.items() if len(pages) >= 2}
    for page_items in read:
        page_items[:] = [item for item in page_items
                         if not (isinstance(item, Text) and item.margin and key(item.text) in running)]


def _body(page_items: list[Item], *, last: bool) -> Item | None:
    """A page's first or last line or row, a running header or footer not counted."""
    body = [item for item in page_items if not (isinstance(item, Text) and item.margin)]
    return (body[-1] if last else body[0]) if body else None


def _text_column(page_items: list[Item], *, last: bool) -> float | None:
    item = _body(page_items, last=last)
    return item.text_column if isinstance(item, Row) else None


# ------------------------------------------------------------------------------------------------- one page

def _page(page: Page, number: int, above: float | None, below: float | None) -> list[Item]:
    rows: list[Row] = []
    boxes: list[BBox] = []
    if len(page.chars) <= MAX_TABLE_CHARS:
        try:
            words = page.extract_words()
            if page.edges and len(page.edges) <= MAX_TABLE_EDGES:
                for table, texts in _ruled(page):
                    boxes.append(table.bbox)
                    rows.extend(_rows(table, texts, number, words))
            rest = page.filter(_outside(boxes)) if boxes else page
            for table, column in _unruled(rest, rest.extract_words() if boxes else words, above, below):
                boxes.append(table.bbox)
                for row in _rows(table, table.extract(), number, words):
                    row.text_column = column
                    rows.append(row)
        except Exception:  # a page whose drawing confuses the table finding is read as plain text, as before
            rows, boxes = [], []
    # the page's plain-text lines (one per line of words: none is empty), which number the lines and rows
    lines = page.extract_text_lines(strip=False, return_chars=False)
    if not rows:
        return [Text(line["text"], number, line_no, _in_margin(page, line))
                for line_no, line in enumerate(lines, start=1)]
    mids = sorted((line["top"] + line["bottom"]) / 2 for line in lines)
    placed: list[tuple[float, Item]] = []
    for line in page.filter(_outside(boxes)).extract_text_lines(strip=False, return_chars=False):
        line_no = bisect.bisect_left(mids, line["top"]) + 1
        placed.append((line["top"], Text(line["text"], number, line_no, _in_margin(page, line))))
    for row in rows:
        row.line = bisect.bisect_left(mids, row.top) + 1
        placed.append((row.top, row))
    placed.sort(key=lambda pair: pair[0])
    return [item for _, item in placed]


def _in_margin(page: Page, obj: dict[str, Any]) -> bool:
    return bool(obj["bottom"] < page.height * MARGIN or obj["top"] > page.height * (1 - MARGIN))


def _outside(boxes: list[BBox]) -> Callable[[dict[str, Any]], bool]:
    def test(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)
    return test


def _join(before: str, after: str) -> str:
    """Two pieces of a cell's text: a line broken after a hyphen ("hoito-" "ohjelman") keeps the hyphen."""
    before, after = before.rstrip(), after.strip()
    if not before or not after:
        return before or after
    if re.search(r"\w-$", before) and after[:1].islower():
        return before + after
    return f"{before} {after}"


def _rows(table: Table, texts: list[list[str | None]], number: int, page_words: list[Word]) -> list[Row]:
    columns = tuple(sorted({round(cell[0], 1) for cell in table.cells}))
    out = []
    for row, row_texts in zip(table.rows, texts, strict=True):
        cells = [""] * len(row_texts)
        for index, text in enumerate(row_texts):
            for part in (text or "").split("\n"):
                cells[index] = _join(cells[index], part)
        if any(cells):
            out.append(Row(cells, number, 0, row.bbox[1], columns, bboxes=list(row.cells)))
    if out:
        _measure_ends(table, out[0], out[-1], page_words)
    return out


def _measure_ends(table: Table, first: Row, last: Row, page_words: list[Word]) -> None:
    """Where the last row's last line of text ends, the width of the first row's first word, and how far to the
    right their columns' text reaches in this table: a page break cut a row when the next page's first word
    would not have fitted at the end of the line before the break (a line that stops short ends a paragraph)."""
    def words(bbox: BBox) -> list[Word]:
        x0, top, x1, bottom = bbox
        return [w for w in page_words
                if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]

    def column_end(bbox: BBox) -> float:
        return max((w["x1"] for w in words((bbox[0], table.bbox[1], bbox[2], table.bbox[3]))), default=0.0)

    index = max((k for k, cell in enumerate(last.cells) if cell and k), default=0)
    if 0 < index < len(last.bboxes) and (bbox := last.bboxes[index]) is not None and (in_cell := words(bbox)):
        bottom = max(w["top"] for w in in_cell)
        last.line_end = max(w["x1"] for w in in_cell if w["top"] >= bottom - 2)
        last.column_end = column_end(bbox)
    index = next((k for k, cell in enumerate(first.cells) if cell and k), 0)
    if 0 < index < len(first.bboxes) and (bbox := first.bboxes[index]) is not None and (in_cell := words(bbox)):
        head = min(in_cell, key=lambda w: (round(w["top"]), w["x0"]))
        first.head = head["x1"] - head["x0"] + (head["bottom"] - head["top"]) * 0.3
        first.head_column_end = column_end(bbox)


# ------------------------------------------------------------------------------------------------- ruled tables

def _ruled(page: Page) -> list[tuple[Table, list[list[str | None]]]]:
    """The tables drawn with cell borders, with their cells' text; only those of two or more columns (a frame
    around a page or a shaded paragraph is not a table)."""
    tables = page.find_tables()
    closing = _open_ends(page, tables)
    if closing:
        tables = page.find_tables({"explicit_horizontal_lines": closing})
    out = []
    for table in tables:
        if any(sum(cell is not None for cell in row.cells) >= 2 for row in table.rows):
            texts = table.extract()
            if any(any(row) for row in texts):
                out.append((table, texts))
    return out


def _rule(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top}


def _open_ends(page: Page, tables: list[Table]) -> list[dict[str, Any]]:
    """A border where a table's column rules run on past its last (or before its first) closed row: the part
    of a row that a page break cut, drawn without a border at the break."""
    closing = []
    vertical = [edge for edge in page.edges if edge["orientation"] == "v"]
    for table in tables:
        x0, top, x1, bottom = table.bbox
        mine = [edge for edge in vertical if x0 - 2 <= edge["x0"] <= x1 + 2]
        below = [edge["bottom"] for edge in mine if edge["top"] <= bottom + 2 and edge["bottom"] > bottom + 4]
        above = [edge["top"] for edge in mine if edge["bottom"] >= top - 2 and edge["top"] < top - 4]
        if len(below) >= 2:
            closing.append(_rule(x0, max(below), x1, max(below)))
        if len(above) >= 2:
            closing.append(_rule(x0, min(above), x1, min(above)))
    return closing


# ------------------------------------------------------------------------------------------------- unruled tables

def _unruled(page: Page, words: list[Word], above: float | None, below: float | None) -> list[tuple[Table, float]]:
    """Two-column tables without rules, each with the x where its text column starts. `above` is the text
    column of an unruled table that ended the previous page: its rest at the top of this page is taken with
    no label of its own. `below` is that of one that begins the next page: its start at the foot of this page
    is taken with one label that names a heading."""
    from pdfplumber.utils.clustering import cluster_list, cluster_objects

    words = [w for w in words if not _in_margin(page, w)]  # a running header or footer is no part of a table
    if len(words) < 4:
        return []
    lines = sorted((sorted(line, key=lambda w: w["x0"]) for line in cluster_objects(words, "top", 2)),
                   key=lambda line: line[0]["top"])
    size = statistics.median(w["bottom"] - w["top"] for w in words)
    left_edge = min(w["x0"] for w in words)
    width = max(w["x1"] for w in words) - left_edge
    starts = []  # where a word starts after a gap wider than a space, or a line starts indented
    for line in lines:
        if line[0]["x0"] > left_edge + 2 * size:
            starts.append(line[0]["x0"])
        starts.extend(word["x0"] for prev, word in itertools.pairwise(line)
                      if word["x0"] - prev["x1"] >= 0.6 * size)
    last = len(lines) - 1  # the line at the foot of the page
    columns: list[float] = []
    for group in sorted(cluster_list(starts, 2), key=len, reverse=True)[:3]:
        if len(group) >= 3 and 2 * size < min(group) - left_edge < 0.6 * width:
            columns.append(min(group))
    found: list[tuple[Table, float]] = []
    taken: set[int] = set()
    for column in [*(x for x in (above, below) if x is not None), *columns]:
        splits = [_split(line, column, size) for line in lines]
        for region in _regions(lines, splits, size, last, above is not None and abs(column - above) <= 2):
            if taken.intersection(region):
                continue
            named = 2
            if above is not None and abs(column - above) <= 2 and region[0] == 0:
                named = 0
            elif below is not None and abs(column - below) <= 2 and region[-1] >= last:
                named = 1
            table = _region_table(page, [lines[i] for i in region], [splits[i] for i in region], column, named)
            if table is not None:
                found.append((table, column))
                taken.update(region)
    return found


def _split(line: list[Word], column: float, size: float) -> Parts | None:
    """A line's words left and right of the text column; None when a word crosses it (prose, not a table)."""
    left = [w for w in line if w["x1"] <= column - 1]
    right = [w for w in line if w["x0"] >= column - 2]
    if len(left) + len(right) != len(line) or (right and right[0]["x0"] > column + 3 * size):
        return None
    return left, right


def _regions(lines: list[list[Word]], splits: list[Parts | None], size: float, last: int,
             continued: bool) -> list[list[int]]:
    """Runs of consecutive lines that keep to the two columns, from the first line with text in the right
    column, or from the top of the page when a table is `continued` from the previous page (its label may run
    on there). A label that runs on below the last text is kept, and so is a label at the foot
    of the page (line `last`: its text went on to the next page); a line after a gap is not."""
    runs: list[list[int]] = []
    run: list[int] = []
    left: set[int] = set()  # the lines with text in the left column
    right: set[int] = set()  # and in the right one
    for index, split in enumerate([*splits, None]):
        if split is not None and (run or split[1] or (continued and index == 0)):
            run.append(index)
            if split[0]:
                left.add(index)
            if split[1]:
                right.add(index)
        elif split is None:
            if run:
                runs.append(run)
            run = []

    def close(a: int, b: int) -> bool:
        return bool(lines[b][0]["top"] - lines[a][0]["top"] <= 1.6 * size)

    out = []
    for run in runs:
        if not right.intersection(run):
            continue
        keep = [i for i in run if i <= max(right.intersection(run))]
        tail = run[len(keep):]
        if tail and tail[-1] >= last and len(tail) <= 4 and all(map(close, tail, tail[1:])):
            keep += tail  # a label at the foot of the page
        for i in tail if len(keep) < len(run) else []:
            if keep[-1] not in left or not close(keep[-1], i):
                break
            keep.append(i)  # a label that runs on below its text
        out.append(keep)
    return out


def _row_starts(tops: list[float], parts: list[Parts], pitch: float, size: float) -> list[int]:
    """The lines where a row begins. A label line begins one after a gap in the label column; when the text
    column begins again after a gap (unless the label runs on in lower case); or when it is capitalised beside a
    text line (a table without spacing between its rows). A text line with no label beside it begins a row with
    an empty label cell when the label above has ended and the text column begins again after a gap or a line
    that stopped short (a new paragraph: a separate row, or a paragraph of the same cell, read the same way)."""
    right_end = max((w["x1"] for _, right in parts for w in right), default=0.0)

    def gap(above: int | None, k: int) -> bool:
        return above is None or tops[k] - tops[above] > pitch + max(1.5, 0.2 * size)

    starts = [0]
    last_left: int | None = None
    last_right: int | None = None
    for k, (left, right) in enumerate(parts):
        if k and left:
            previous = " ".join(w["text"] for w in parts[last_left][0]) if last_left is not None else ""
            fresh = not left[0]["text"][:1].islower()
            capital = bool(right) and bool(_CAPITALISED.match(left[0]["text"])) and not previous.endswith(
                ("-", ",", ";"))
            if gap(last_left, k) or (right and fresh and gap(last_right, k)) or capital:
                starts.append(k)
        elif k and right:
            label_ended = not parts[k - 1][0] or tops[k] - tops[k - 1] >= pitch - 1.5
            stopped_short = last_right is not None and (
                parts[last_right][1][-1]["x1"] + 0.3 * size + right[0]["x1"] - right[0]["x0"] < right_end - 1)
            if label_ended and (gap(last_right, k) or stopped_short):
                starts.append(k)
        if left:
            last_left = k
        if right:
            last_right = k
    return starts


def _heading_like(label: str) -> bool:
    """A label cell's text reads as a heading: short, no sentence ending inside, no "label: value"."""
    words = label.split()
    return (len(words) <= 16 and not _SENTENCE_INSIDE.search(label) and not re.search(r":\s+\S", label)
            and not (label.endswith(".") and len(words) > 3))


def _region_table(page: Page, lines: list[list[Word]], splits: list[Parts | None], column: float,
                  named: int) -> Table | None:
    """The region cut into rows, as a pdfplumber table with explicit rules; None unless every label reads as a
    heading, at least `named` of them name one of the old notice's headings, and so does half of those with
    text beside them (when any is needed)."""
    from .sections import kind_of

    parts = [split for split in splits if split is not None]
    size = statistics.median(w["bottom"] - w["top"] for line in lines for w in line)
    tops = [line[0]["top"] for line in lines]
    steps = [b - a for a, b in itertools.pairwise(tops) if b > a]
    pitch = min(statistics.median(steps), 1.6 * size) if steps else 1.2 * size
    starts = _row_starts(tops, parts, pitch, size)
    labels, labelled = [], []  # every row's label; those of the rows with text beside the label
    for begin, end in zip(starts, [*starts[1:], len(parts)], strict=True):
        label = " ".join(w["text"] for left, _ in parts[begin:end] for w in left)
        if label:
            labels.append(label)
            if any(right for _, right in parts[begin:end]):
                labelled.append(label)
    if any(not _heading_like(label) for label in labels):
        return None  # prose in two columns, or text that happens to line up
    found = sum(kind_of(label) is not None for label in labelled)
    if found < named or (named and 2 * found < len(labelled)):
        return None
    x0 = min(min(w["x0"] for line in lines for w in line) - 1, column - 2 * size)  # wider than the snap tolerance
    x1 = max(w["x1"] for line in lines for w in line) + 1
    mids = [(line[0]["top"] + max(w["bottom"] for w in line)) / 2 for line in lines]
    ys = [min(w["top"] for w in lines[0]) - 1, *((mids[k - 1] + mids[k]) / 2 for k in starts[1:]),
          max(w["bottom"] for w in lines[-1]) + 1]
    tables = page.find_tables({
        "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
        "explicit_vertical_lines": [_rule(x, ys[0], x, ys[-1]) for x in (x0, column - 0.5, x1)],
        "explicit_horizontal_lines": [_rule(x0, y, x1, y) for y in ys],
    })
    return tables[0] if len(tables) == 1 else None


# ------------------------------------------------------------------------------------------------- page breaks

def _join_across(last: Row, after: list[Item]) -> bool:
    """Join the first row of a page (`after`) to the last row of the pages before when a page break cut that
    row: the same table's columns, and a label that runs on in lower case, a label on one side of the break
    and its text on the other, or text that runs on (the last line before the break had no room for the next
    word, or the text goes on in lower case) beside an empty label cell on either side of the break."""
    first = _body(after, last=False)
    if not isinstance(first, Row) or len(first.cells) != len(last.cells):
        return False
    if first.text_column is not None and last.text_column is not None:  # unruled: the same text column
        if abs(first.text_column - last.text_column) > 2:
            return False
    elif len(first.columns) != len(last.columns) or any(
            abs(a - b) > 3 for a, b in zip(first.columns, last.columns, strict=True)):
        return False
    label, label_before = first.cells[0].strip(), last.cells[0].strip()
    if label and label_before and not label[:1].islower():
        return False  # a row of its own
    text = next((cell for cell in first.cells[1:] if cell), "")
    if not any(last.cells[1:]):
        runs_on = not label
    elif last.line_end is not None and last.column_end is not None and first.head is not None:
        room = max(last.column_end, first.head_column_end or 0.0) - last.line_end
        runs_on = room < first.head or text[:1].islower()
    else:
        runs_on = text[:1].islower() or not next((c for c in reversed(last.cells) if c), "").endswith((".", "!", "?"))
    if not ((label and label_before) or runs_on):
        return False
    last.cells = [_join(a, b) for a, b in zip(last.cells, first.cells, strict=True)]
    last.line_end, last.column_end = first.line_end, first.column_end  # where the row now ends
    del after[next(k for k, item in enumerate(after) if item is first)]
    return True
