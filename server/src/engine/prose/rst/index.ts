/**
 * reStructuredText prose extraction.
 *
 * reStructuredText nests by indentation, and what an indented block means
 * depends on the line before it (a paragraph ending in `::` makes it a
 * literal block, a directive makes it the directive's content). So a
 * top-level block is a line at column 0 with everything indented under it;
 * each is parsed on its own, which is what makes restarts possible.
 *
 * Prose: paragraphs, section titles, list items, field bodies, definition
 * terms and definitions, block quotes, line blocks, footnotes, table cells
 * (grid and simple tables), admonitions and other directives' content.
 * Not prose: literal blocks (after `::`), doctest blocks, code directives'
 * content (`.. code-block::`), directive arguments and options (except
 * titles, `:alt:` and `:caption:`), hyperlink targets, section adornments and
 * field names. Comments (`..` with no directive) are reported, for
 * `.. termguard-disable…` directives.
 */
import type { CommentSpan, ProseBlock, ProseUnit } from '../prose';
import { lineEndAt, nextLineAt } from '../shared/lines';
import { emitUnit } from '../shared/marks';
import { UnitBuilder, isBlank } from '../shared/unitBuilder';
import { PROSE_OPTIONS, argumentKind, hasCodeContent } from './directives';
import { RstInline } from './inline';
import { gridTableCells, isGridTableBorder, isSimpleTableBorder, simpleTableCells, type TableLines } from './tables';

const ADORNMENT_CHARS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const BULLET = /^[-*+\u2022\u2023\u2043](?: +|$)/;
const ENUMERATOR = /^(?:\(?(?:\d+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]|\((?:\d+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)\))(?: +|$)/;
const FIELD = /^:((?:\\.|[^:\\\s][^:\\]*?)):(?: +|$)/;
const OPTION =
  /^(?:--?[A-Za-z0-9][\w-]*(?:[= ]<?[\w-]+>?)?|\/[A-Za-z0-9]+)(?:, (?:--?[A-Za-z0-9][\w-]*(?:[= ]<?[\w-]+>?)?|\/[A-Za-z0-9]+))*(?: {2,}|$)/;
const DIRECTIVE = /^\.\. +([\w][\w:+.-]*)::(?:[ \t]+|$)/;
const SUBSTITUTION = /^\.\. +\|[^|]+\| +([\w][\w:+.-]*)::(?:[ \t]+|$)/;
const FOOTNOTE = /^\.\. +\[(?:\d+|#[\w-]*|\*|[\w][\w.-]*)\](?: +|$)/;
const TARGET = /^\.\. +_/;
const OPTION_LINE = /^:[\w][\w -]*:(?: |$)/;

/** Lists, quotes and directives nested deeper than this are read flat, which keeps the parser's stack small. */
const MAX_DEPTH = 64;

/** A line of one character (a punctuation mark) repeated: a section adornment or a transition. */
function isAdornment(line: string): boolean {
  if (line.length < 2 || !ADORNMENT_CHARS.includes(line[0]!)) return false;
  for (let i = 1; i < line.length; i++) if (line.charCodeAt(i) !== line.charCodeAt(0)) return false;
  return true;
}

/** The lines of one top-level block, with their indentation (tabs every 8 columns), and the parse of them. */
class RstParser {
  units: ProseUnit[] = [];
  comments: CommentSpan[] = [];
  private readonly inline = new RstInline();
  /** Per line: where its content starts and ends (trailing blanks trimmed), and its indentation (-1 when blank). */
  private starts: number[] = [];
  private ends: number[] = [];
  private indents: number[] = [];
  private lineStarts: number[] = [];
  private readonly tableLines: TableLines;
  /** How many bodies are being parsed inside each other. */
  private depth = 0;

  constructor(private readonly text: string) {
    this.tableLines = {
      text,
      lineStart: (line) => this.lineStarts[line]!,
      lineEnd: (line) => this.ends[line]!,
      isBlank: (line) => this.isBlankLine(line),
    };
  }

  /** Loads the lines of `[start, end)`. */
  load(start: number, end: number): void {
    const text = this.text;
    this.starts = [];
    this.ends = [];
    this.indents = [];
    this.lineStarts = [];
    for (let pos = start; pos < end;) {
      this.lineStarts.push(pos);
      const lineEnd = lineEndAt(text, pos);
      let column = 0;
      let s = pos;
      for (; s < lineEnd && isBlank(text.charCodeAt(s)); s++) column = text.charCodeAt(s) === 9 ? (column + 8) & ~7 : column + 1;
      let e = lineEnd;
      while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
      this.starts.push(s);
      this.ends.push(e);
      this.indents.push(s === e ? -1 : column);
      pos = nextLineAt(text, lineEnd);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  private content(k: number): string {
    return this.text.slice(this.starts[k], this.ends[k]);
  }

  private isBlankLine(k: number): boolean {
    return this.indents[k] === -1;
  }

  private unit(start: number, end: number): void {
    if (end <= start) return;
    this.inline.scan(this.text, start, end);
    emitUnit(this.text, start, end, this.inline.marks, this.units);
  }

  /** The end of the region under line `k`: the lines after it that are blank or indented more than `indent`, without trailing blank lines. */
  private regionEnd(k: number, to: number, indent: number): number {
    let last = k + 1;
    for (let m = k + 1; m < to; m++) {
      if (this.isBlankLine(m)) continue;
      if (this.indents[m]! <= indent) break;
      last = m + 1;
    }
    return last;
  }

  /** Parses the elements in lines `[from, to)`. */
  body(from: number, to: number): void {
    if (this.depth >= MAX_DEPTH) {
      // Nesting this deep is not a real document: read what is left as one unit rather than exhaust the stack.
      while (from < to && this.isBlankLine(from)) from++;
      if (from < to) this.unit(this.starts[from]!, this.ends[to - 1]!);
      return;
    }
    this.depth++;
    let k = from;
    while (k < to) {
      if (this.isBlankLine(k)) {
        k++;
        continue;
      }
      k = this.element(k, to);
    }
    this.depth--;
  }

  /** Parses the element at line `k` (not blank); returns the line after it. */
  private element(k: number, to: number): number {
    const line = this.content(k);
    const indent = this.indents[k]!;
    if (line.startsWith('..') && (line.length === 2 || line.charCodeAt(2) === 32)) return this.explicit(k, to);
    if (line.startsWith('__ ') || line === '__') return this.regionEnd(k, to, indent);
    if (line.startsWith('>>>')) return this.untilBlank(k, to);
    const addCell = (start: number, stop: number, unit: UnitBuilder): void => this.cell(start, stop, unit);
    if (isGridTableBorder(line)) {
      const end = this.untilBlank(k, to);
      gridTableCells(this.tableLines, k, end, this.starts[k]! - this.lineStarts[k]!, addCell, this.units);
      return end;
    }
    if (isSimpleTableBorder(line))
      return simpleTableCells(this.tableLines, k, to, this.starts[k]! - this.lineStarts[k]!, addCell, this.units);
    if (isAdornment(line) && line !== '::') {
      // An overline, a title, an underline; or a transition.
      if (k + 2 < to && !this.isBlankLine(k + 1) && this.content(k + 2) === line) {
        this.unit(this.starts[k + 1]!, this.ends[k + 1]!);
        return k + 3;
      }
      // A transition is at least four marks; a shorter line is text (a lone `::` ends a paragraph before a literal block).
      if (line.length >= 4) return k + 1;
    }
    if (k + 1 < to && this.indents[k + 1] === indent) {
      const underline = this.content(k + 1);
      if (isAdornment(underline) && (underline.length >= 3 || underline.length >= line.length)) {
        this.unit(this.starts[k]!, this.ends[k]!);
        return k + 2;
      }
    }
    const marker = BULLET.exec(line) ?? ENUMERATOR.exec(line) ?? OPTION.exec(line) ?? FIELD.exec(line);
    if (marker) return this.item(k, to, marker[0].length);
    if (line.startsWith('| ') || line === '|') return this.lineBlock(k, to);
    return this.paragraph(k, to);
  }

  /** Adds a table cell's text (`[start, stop)` on one line) to the cell's unit. */
  private cell(start: number, stop: number, unit: UnitBuilder): void {
    this.inline.scan(this.text, start, stop);
    this.inline.marks.emit(start, stop, unit);
    this.inline.marks.clear();
    unit.separate();
  }

  private untilBlank(k: number, to: number): number {
    while (k < to && !this.isBlankLine(k)) k++;
    return k;
  }

  /**
   * A list item, field or option whose marker (field name, option) is the
   * first `markerLength` characters of line `k`: its body is the rest of the
   * line and the lines indented under it.
   */
  private item(k: number, to: number, markerLength: number): number {
    const end = this.regionEnd(k, to, this.indents[k]!);
    const contentStart = this.starts[k]! + markerLength;
    if (contentStart >= this.ends[k]!) {
      this.body(k + 1, end);
      return end;
    }
    // The first line reads as if it stood at the body's indentation.
    let bodyIndent = this.indents[k]! + markerLength;
    for (let m = k + 1; m < end; m++) {
      if (!this.isBlankLine(m)) {
        bodyIndent = this.indents[m]!;
        break;
      }
    }
    this.starts[k] = contentStart;
    this.indents[k] = bodyIndent;
    this.body(k, end);
    return end;
  }

  /** A line block: `| ` lines (continued by indented lines), one unit. */
  private lineBlock(k: number, to: number): number {
    const unit = new UnitBuilder(this.text);
    let m = k;
    for (; m < to && !this.isBlankLine(m); m++) {
      let start = this.starts[m]!;
      if (this.text.charCodeAt(start) === 124 && this.indents[m] === this.indents[k]) start = Math.min(this.ends[m]!, start + 2);
      this.cell(start, this.ends[m]!, unit);
    }
    unit.finish(this.units);
    return m;
  }

  /**
   * A paragraph at line `k`. A one-line paragraph directly followed by
   * indented lines is a definition list item; a paragraph ending in `::` is
   * followed by a literal block.
   */
  private paragraph(k: number, to: number): number {
    const indent = this.indents[k]!;
    let m = k + 1;
    while (m < to && this.indents[m] === indent) m++;
    const last = m - 1;
    const lastLine = this.content(last);
    const literal = lastLine.endsWith('::');
    let end = this.ends[last]!;
    if (literal) {
      // `Text::` shows `Text:`, `Text ::` and a lone `::` show nothing of the marker.
      end -= lastLine === '::' || lastLine.endsWith(' ::') ? 2 : 1;
    }
    this.unit(this.starts[k]!, end);
    if (m < to && !this.isBlankLine(m) && this.indents[m]! > indent) {
      // Indented lines right under the paragraph: a definition (or an unexpected block quote).
      const stop = this.regionEnd(last, to, indent);
      if (literal) return stop;
      this.body(m, stop);
      return stop;
    }
    if (!literal) return m;
    let next = m;
    while (next < to && this.isBlankLine(next)) next++;
    if (next >= to) return next;
    if (this.indents[next]! > indent) return this.regionEnd(next - 1, to, indent);
    // A quoted literal block: unindented lines that start with the same punctuation mark.
    const quote = this.text[this.starts[next]!]!;
    if (this.indents[next] === indent && ADORNMENT_CHARS.includes(quote)) {
      while (next < to && !this.isBlankLine(next) && this.text[this.starts[next]!] === quote) next++;
    }
    return next;
  }

  /** Explicit markup at line `k`: a directive, footnote, citation, target, substitution or comment. */
  private explicit(k: number, to: number): number {
    const line = this.content(k);
    const indent = this.indents[k]!;
    const end = this.regionEnd(k, to, indent);
    const start = this.starts[k]!;
    const footnote = FOOTNOTE.exec(line);
    if (footnote) {
      this.starts[k] = start + footnote[0].length;
      if (this.starts[k]! >= this.ends[k]!) this.body(k + 1, end);
      else {
        this.indents[k] = this.firstIndent(k + 1, end, indent + 3);
        this.body(k, end);
      }
      return end;
    }
    if (TARGET.test(line)) return end;
    const substitution = SUBSTITUTION.exec(line);
    if (substitution) {
      if (substitution[1]!.toLowerCase() === 'replace') this.unit(start + substitution[0].length, this.ends[k]!);
      return end;
    }
    const directive = DIRECTIVE.exec(line);
    if (directive) {
      this.directive(k, end, directive[1]!.toLowerCase(), start + directive[0].length);
      return end;
    }
    const body = this.text.slice(start + 2, this.ends[end - 1]!);
    this.comments.push({ start, end: this.ends[end - 1]!, body: body.trim() });
    return end;
  }

  private firstIndent(from: number, to: number, fallback: number): number {
    for (let m = from; m < to; m++) if (!this.isBlankLine(m)) return this.indents[m]!;
    return fallback;
  }

  /** A directive: its argument (from `argumentStart` on line `k`), its options and its content, in lines up to `end`. */
  private directive(k: number, end: number, name: string, argumentStart: number): void {
    const kind = argumentKind(name);
    const code = hasCodeContent(name);
    let m = k + 1;
    // The argument may go on over the next lines, up to the options or a blank line.
    let argumentEnd = this.ends[k]!;
    while (m < end && !this.isBlankLine(m) && !OPTION_LINE.test(this.content(m))) argumentEnd = this.ends[m++]!;
    if (kind === 'prose') this.unit(argumentStart, argumentEnd);
    else if (kind === 'version') {
      const version = /^\S+\s*/.exec(this.text.slice(argumentStart, argumentEnd));
      this.unit(argumentStart + (version ? version[0].length : 0), argumentEnd);
    }
    for (; m < end && !this.isBlankLine(m); m++) {
      const option = OPTION_LINE.exec(this.content(m));
      if (option && PROSE_OPTIONS.has(option[0].slice(1, option[0].indexOf(':', 1)).toLowerCase()))
        this.unit(this.starts[m]! + option[0].length, this.ends[m]!);
    }
    if (!code) this.body(m, end);
  }
}

/** True when the line at `pos` (ending at `lineEnd`) holds only blanks. */
function blankAt(text: string, pos: number, lineEnd: number): boolean {
  for (let i = pos; i < lineEnd; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Cuts a reStructuredText document into top-level blocks with their prose.
 *
 * Yields blocks that tile `text` from `from` to `text.length`. A new block
 * starts at each line that starts at column 0 after a blank or an indented
 * line (except the closing overline of a section title); a block holds that
 * line, the lines indented under it and the blank lines after it.
 *
 * `from` must be 0 or the `start` of a block this function yielded for the
 * same text; scanning from there yields exactly the blocks a full scan yields
 * from that point on. Never throws; runs in time linear in the length of the text.
 */
export function* scanRstBlocks(text: string, from = 0): Generator<ProseBlock> {
  const len = text.length;
  let pos = from > 0 ? (from < len ? from : len) : 0;
  const parser = new RstParser(text);
  while (pos < len) {
    const start = pos;
    // Find where the next block starts.
    let previousBlankOrIndented = false;
    let previous = '';
    let beforePrevious = '';
    /** The last line that was not blank ends with `::`: unindented lines that start with punctuation may quote a literal block. */
    let literalMayFollow = false;
    let next = len;
    /** Only blank lines so far: they are a block of their own, so a window scanned behind them opens nothing. */
    let blankSoFar = true;
    for (let line = pos; line < len;) {
      const lineEnd = lineEndAt(text, line);
      const blank = blankAt(text, line, lineEnd);
      if (!blank && blankSoFar && line > start) {
        next = line;
        break;
      }
      if (!blank) blankSoFar = false;
      const atColumnZero = !blank && !isBlank(text.charCodeAt(line));
      if (line > start && atColumnZero && previousBlankOrIndented) {
        const content = text.slice(line, lineEnd).trimEnd();
        const closesTitle = isAdornment(content) && content === beforePrevious;
        const quotesLiteral = literalMayFollow && ADORNMENT_CHARS.includes(content[0]!);
        if (!closesTitle && !quotesLiteral) {
          next = line;
          break;
        }
      }
      if (!blank) literalMayFollow = text.slice(line, lineEnd).trimEnd().endsWith('::');
      previousBlankOrIndented = !atColumnZero;
      beforePrevious = previous;
      previous = atColumnZero ? text.slice(line, lineEnd).trimEnd() : '';
      line = nextLineAt(text, lineEnd);
    }
    parser.units = [];
    parser.comments = [];
    parser.load(start, next);
    parser.body(0, parser.lineCount);
    yield { start, end: next, units: parser.units, comments: parser.comments };
    pos = next;
  }
}
