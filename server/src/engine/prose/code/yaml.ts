/**
 * YAML locale files (`messages.yaml`, Rails' `en.yml`): string values are
 * prose, keys are not. A line-oriented reader: it knows mappings, sequences,
 * plain, quoted and block scalars (`|`, `>`), anchors, tags and comments,
 * which is what locale files hold; flow collections (`{…}`, `[…]`) are
 * skipped.
 */
import type { CommentSpan, ProseBlock, ProseUnit } from '../prose';
import { lineEndAt, nextLineAt } from '../shared/lines';
import { UnitBuilder } from '../shared/unitBuilder';
import { addStringText, type StringSyntax } from './stringText';

const PLAIN: StringSyntax = { backslash: false, placeholders: true };
const DOUBLE_QUOTED: StringSyntax = { backslash: true, placeholders: true };
const SINGLE_QUOTED: StringSyntax = { backslash: false, doubledQuote: 39, placeholders: true };

/** Plain scalars that are not text. */
const NOT_TEXT = /^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.inf|\.nan|0x[0-9a-f]+))$/i;
/** A plain or quoted mapping key, and the `: ` after it. */
const KEY = /(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#'"{[\]},&*!|>%@`-][^\n#]*?|-[^\s\n#][^\n#]*?)[ \t]*:(?=[ \t\r\n]|$)[ \t]*/y;
const PROPERTIES = /(?:[&!][^\s]*[ \t]+)+/y;
const BLOCK_INDICATOR = /[|>][-+0-9]*[ \t]*(?:#.*)?(?=[\r\n]|$)/y;

interface YamlLine {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  /** Where the content starts (after the indentation). */
  readonly content: number;
}

class YamlReader {
  units: ProseUnit[] = [];
  comments: CommentSpan[] = [];

  constructor(private readonly text: string) {}

  line(pos: number): YamlLine {
    const text = this.text;
    const end = lineEndAt(text, pos);
    let content = pos;
    while (content < end && text.charCodeAt(content) === 32) content++;
    return { start: pos, end, indent: content - pos, content };
  }

  isBlankLine(line: YamlLine): boolean {
    for (let i = line.content; i < line.end; i++) if (this.text.charCodeAt(i) !== 32 && this.text.charCodeAt(i) !== 9) return false;
    return true;
  }

  /** Reads the entry on the line at `pos` and the lines its value goes on over; returns the next line's start. */
  entry(pos: number): number {
    const text = this.text;
    const line = this.line(pos);
    let p = line.content;
    if (this.isBlankLine(line)) return nextLineAt(text, line.end);
    if (text.charCodeAt(p) === 35) {
      this.comment(p, line.end);
      return nextLineAt(text, line.end);
    }
    if (line.indent === 0 && (text.startsWith('---', p) || text.startsWith('...', p))) return nextLineAt(text, line.end);
    // Lines of a multi-line value must be indented beyond the key, or beyond the last sequence marker.
    let parentColumn = line.indent - 1;
    while (text.charCodeAt(p) === 45 && (p + 1 >= line.end || text.charCodeAt(p + 1) === 32)) {
      parentColumn = p - line.start;
      p++;
      while (p < line.end && text.charCodeAt(p) === 32) p++;
    }
    KEY.lastIndex = p;
    if (KEY.exec(text) && KEY.lastIndex <= line.end) {
      parentColumn = p - line.start;
      p = KEY.lastIndex;
    }
    return this.value(p, line, parentColumn);
  }

  /** The value starting at `p` on `line`; `parentColumn` is the column lines of a multi-line value must go beyond. */
  private value(p: number, line: YamlLine, parentColumn: number): number {
    const text = this.text;
    PROPERTIES.lastIndex = p;
    if (PROPERTIES.exec(text) && PROPERTIES.lastIndex <= line.end) p = PROPERTIES.lastIndex;
    if (p >= line.end) return nextLineAt(text, line.end);
    const c = text.charCodeAt(p);
    if (c === 35) {
      this.comment(p, line.end);
      return nextLineAt(text, line.end);
    }
    BLOCK_INDICATOR.lastIndex = p;
    if ((c === 124 || c === 62) && BLOCK_INDICATOR.exec(text) && BLOCK_INDICATOR.lastIndex <= line.end)
      return this.blockScalar(nextLineAt(text, line.end), parentColumn);
    if (c === 34 || c === 39) return this.quoted(p, c);
    if (c === 42 || c === 123 || c === 91) return this.skipFlow(p, line);
    return this.plain(p, line, parentColumn);
  }

  private comment(start: number, end: number): void {
    this.comments.push({ start, end, body: this.text.slice(start + 1, end).trim() });
  }

  /** A plain scalar, going on over the following lines indented beyond `parentColumn`. */
  private plain(p: number, line: YamlLine, parentColumn: number): number {
    const text = this.text;
    const unit = new UnitBuilder(text);
    let end = this.plainEnd(p, line.end);
    const first = text.slice(p, end).trim();
    addStringText(unit, text, p, end, PLAIN);
    let next = nextLineAt(text, line.end);
    while (next < text.length) {
      const more = this.line(next);
      if (this.isBlankLine(more) || more.indent <= parentColumn || text.charCodeAt(more.content) === 35) break;
      end = this.plainEnd(more.content, more.end);
      unit.separate();
      addStringText(unit, text, more.content, end, PLAIN);
      next = nextLineAt(text, more.end);
    }
    if (NOT_TEXT.test(first) && next === nextLineAt(text, line.end)) return next;
    unit.finish(this.units);
    return next;
  }

  /** The end of a plain scalar's text on a line: before ` #` (a comment, reported) or at the line end. */
  private plainEnd(p: number, lineEnd: number): number {
    const text = this.text;
    for (let i = p; i < lineEnd; i++) {
      if (text.charCodeAt(i) === 35 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
        this.comment(i, lineEnd);
        return i;
      }
    }
    return lineEnd;
  }

  /** A quoted scalar from its quote at `p`, which may go on over several lines. */
  private quoted(p: number, quote: number): number {
    const text = this.text;
    let close = -1;
    for (let j = p + 1; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (quote === 34 && c === 92) j++;
      else if (c === quote) {
        if (quote === 39 && text.charCodeAt(j + 1) === 39) j++;
        else {
          close = j;
          break;
        }
      }
    }
    const contentEnd = close < 0 ? text.length : close;
    const unit = new UnitBuilder(text);
    addStringText(unit, text, p + 1, contentEnd, quote === 34 ? DOUBLE_QUOTED : SINGLE_QUOTED);
    unit.finish(this.units);
    if (close < 0) return text.length;
    const end = lineEndAt(text, close);
    this.plainEnd(close + 1, end);
    return nextLineAt(text, end);
  }

  /** A block scalar's lines (blank, or indented beyond `parentColumn`) from `pos`: a unit per paragraph. */
  private blockScalar(pos: number, parentColumn: number): number {
    const text = this.text;
    let unit = new UnitBuilder(text);
    while (pos < text.length) {
      const line = this.line(pos);
      if (this.isBlankLine(line)) {
        unit.finish(this.units);
        unit = new UnitBuilder(text);
      } else if (line.indent <= parentColumn) break;
      else {
        addStringText(unit, text, line.content, line.end, PLAIN);
        unit.separate();
      }
      pos = nextLineAt(text, line.end);
    }
    unit.finish(this.units);
    return pos;
  }

  /** An alias or a flow collection: not read; a collection may go on over several lines. */
  private skipFlow(p: number, line: YamlLine): number {
    const text = this.text;
    if (text.charCodeAt(p) === 42) return nextLineAt(text, line.end);
    let depth = 0;
    for (let j = p; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 34 || c === 39) {
        const close = text.indexOf(String.fromCharCode(c), j + 1);
        j = close < 0 ? text.length : close;
      } else if (c === 123 || c === 91) depth++;
      else if ((c === 125 || c === 93) && --depth === 0) return nextLineAt(text, lineEndAt(text, j));
    }
    return text.length;
  }
}

/**
 * Cuts a YAML locale file into blocks with its string values as units.
 *
 * Yields blocks that tile `text` from `from` to `text.length`: each entry
 * with the lines its value goes on over (a block scalar, a quoted or plain
 * scalar continued on more indented lines). Keys, anchors, tags, aliases,
 * booleans, numbers and null are not prose; placeholders (`%{name}`,
 * `{name}`) stand for a word. Comments are reported, for suppression
 * directives (`# termguard-disable-next-line`).
 *
 * `from` must be 0 or the `start` of a block this function yielded for the
 * same text; scanning from there yields exactly the blocks a full scan
 * yields from that point on. Never throws; linear in the length of the text.
 */
export function* scanYamlBlocks(text: string, from = 0): Generator<ProseBlock> {
  const len = text.length;
  let pos = from > 0 ? (from < len ? from : len) : 0;
  const reader = new YamlReader(text);
  while (pos < len) {
    reader.units = [];
    reader.comments = [];
    let end = reader.entry(pos);
    if (end <= pos) end = nextLineAt(text, lineEndAt(text, pos));
    yield { start: pos, end, units: reader.units, comments: reader.comments };
    pos = end;
  }
}
