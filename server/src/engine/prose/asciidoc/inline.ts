/**
 * AsciiDoc inline markup: marks what in a unit's source range is not prose.
 *
 * Formatting marks (`*strong*`, `_emphasis_`, `#mark#`, `^sup^`, `~sub~`,
 * constrained and unconstrained) are dropped and their content kept;
 * monospace (`` `code` ``), passthroughs (`+x+`, `++x++`, `+++x+++`,
 * `pass:[]`), attribute references (`{name}`), bare URLs and macros that show
 * no prose (`image:`, `kbd:`, `btn:`, `menu:`, `stem:`) stand for one word;
 * links, cross references and `indexterm2` keep their text and drop the rest;
 * footnotes stand for one word and their text becomes a unit of its own.
 */
import { MARKUP, Marks, OPAQUE } from '../shared/marks';
import { isBlank } from '../shared/unitBuilder';

/** Macros whose bracketed text is the visible prose (`link:url[text]`). */
const TEXT_MACROS = new Set(['link', 'mailto', 'xref', 'indexterm2']);
/** Macros that show something other than prose (an image, a key, a formula). */
const OPAQUE_MACROS = new Set(['image', 'icon', 'kbd', 'btn', 'menu', 'pass', 'stem', 'latexmath', 'asciimath']);
/** Macros that show nothing in the text. */
const HIDDEN_MACROS = new Set(['anchor', 'indexterm']);
const FOOTNOTE_MACROS = new Set(['footnote', 'footnoteref']);
const URL_SCHEMES = new Set(['http', 'https', 'ftp', 'irc', 'file']);

const MACRO_NAME = /[a-z][a-z0-9_-]*:/y;
const ATTRIBUTE_REFERENCE = /\{(?:[\w][\w-]*|(?:counter2?|set):[^}\n]*)\}/y;

function isWord(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;
  return !isBlank(c) && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f);
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Scans one unit's range at a time; the scanner is reused across units. */
export class AsciiDocInline {
  readonly marks = new Marks();
  /** Footnote texts found in the last scan, as `[start, end)` pairs, to be read as units of their own. */
  readonly footnotes: number[] = [];
  private text = '';
  private end = 0;
  /** Positions of closing formatting marks already paired, with their lengths. */
  private readonly closers = new Map<number, number>();
  /** Work left for searches that may fail, which keeps hostile input linear. */
  private budget = 0;

  /** Marks the markup in `[start, end)` of `text` (into {@link marks} and {@link footnotes}). */
  scan(text: string, start: number, end: number): void {
    this.text = text;
    this.end = end;
    this.closers.clear();
    this.footnotes.length = 0;
    this.budget = 4 * (end - start) + 256;
    let i = start;
    while (i < end) i = this.step(i);
  }

  /** Reads the construct at `i`, if any; returns where scanning goes on. */
  private step(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    const closer = this.closers.get(i);
    if (closer !== undefined) {
      this.marks.add(i, i + closer, MARKUP);
      return i + closer;
    }
    switch (c) {
      case 92: // backslash: the next markup character is literal
        if (i + 1 < this.end && '*_#`+^~{[<(\\'.includes(text[i + 1]!)) {
          this.marks.add(i, i + 1, MARKUP);
          return i + 2;
        }
        return i + 1;
      case 96: // `
        return this.backtick(i);
      case 43: // +
        return this.plus(i);
      case 42: // *
      case 95: // _
      case 35: // #
        return this.formatting(i, c);
      case 94: // ^
      case 126: // ~
        return this.tightPair(i, c);
      case 123: // {
        return this.attributeReference(i);
      case 60: // <
        return this.angle(i);
      case 91: // [
        return this.bracket(i);
      case 40: // (
        return this.indexTerm(i);
      default:
        if (c >= 97 && c <= 122 && (i === 0 || !isWord(text.charCodeAt(i - 1)))) return this.macro(i);
        return i + 1;
    }
  }

  /** A constrained mark may open at `i`: no word character (or `;`, `:`, `}`) before it, no space after it. */
  private mayOpen(i: number, length: number): boolean {
    const before = i > 0 ? this.text.charCodeAt(i - 1) : 32;
    if (isWord(before) || before === 59 || before === 58 || before === 125) return false;
    return i + length < this.end && !isBlank(this.text.charCodeAt(i + length));
  }

  /** The first `mark` after `from` that closes a constrained pair: no space before it, no word character after it. */
  private constrainedCloser(from: number, mark: number): number {
    const text = this.text;
    for (let j = from; j < this.end && this.budget > 0; j++, this.budget--) {
      if (text.charCodeAt(j) !== mark) continue;
      if (isBlank(text.charCodeAt(j - 1))) continue;
      if (j + 1 < this.end && isWord(text.charCodeAt(j + 1))) continue;
      return j;
    }
    return -1;
  }

  /** The next occurrence of `needle` at or after `from`, within the budget. */
  private find(needle: string, from: number): number {
    const at = this.text.indexOf(needle, from);
    if (at < 0 || at + needle.length > this.end) {
      this.budget -= this.end - from;
      return -1;
    }
    this.budget -= at - from;
    return this.budget > 0 ? at : -1;
  }

  private formatting(i: number, mark: number): number {
    const text = this.text;
    if (text.charCodeAt(i + 1) === mark) {
      const close = this.find(String.fromCharCode(mark, mark), i + 3);
      if (close < 0) return i + 2;
      this.marks.add(i, i + 2, MARKUP);
      this.closers.set(close, 2);
      return i + 2;
    }
    if (!this.mayOpen(i, 1)) return i + 1;
    const close = this.constrainedCloser(i + 2, mark);
    if (close < 0) return i + 1;
    this.marks.add(i, i + 1, MARKUP);
    this.closers.set(close, 1);
    return i + 1;
  }

  /** `^super^` and `~sub~`: a pair with no space inside. */
  private tightPair(i: number, mark: number): number {
    const text = this.text;
    for (let j = i + 1; j < this.end && j < i + 64; j++) {
      const c = text.charCodeAt(j);
      if (isBlank(c)) return i + 1;
      if (c === mark) {
        if (j === i + 1) return i + 2;
        this.marks.add(i, i + 1, MARKUP);
        this.closers.set(j, 1);
        return i + 1;
      }
    }
    return i + 1;
  }

  /** Monospace (opaque), or the backtick of curved quotes (`"`text`"`, markup). */
  private backtick(i: number): number {
    const text = this.text;
    const next = text.charCodeAt(i + 1);
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    if ((next === 34 || next === 39) && i > 0 && !isBlank(before)) {
      this.marks.add(i, i + 2, MARKUP);
      return i + 2;
    }
    if ((before === 34 || before === 39) && (i < 2 || !isWord(text.charCodeAt(i - 2)))) {
      this.marks.add(i - 1, i + 1, MARKUP);
      return i + 1;
    }
    if (next === 96) {
      const close = this.find('``', i + 3);
      if (close < 0) return i + 2;
      this.marks.add(i, close + 2, OPAQUE);
      return close + 2;
    }
    if (!this.mayOpen(i, 1) || before === 34 || before === 39 || before === 96) return i + 1;
    const close = this.constrainedCloser(i + 2, 96);
    if (close < 0) return i + 1;
    this.marks.add(i, close + 1, OPAQUE);
    return close + 1;
  }

  /** Passthroughs (opaque) and the hard line break (` +` at a line end, markup). */
  private plus(i: number): number {
    const text = this.text;
    const after = i + 1 < this.end ? text.charCodeAt(i + 1) : 10;
    if (isLineBreak(after) && i > 0 && isBlank(text.charCodeAt(i - 1))) {
      this.marks.add(i, i + 1, MARKUP);
      return i + 1;
    }
    for (const run of ['+++', '++']) {
      if (!text.startsWith(run, i)) continue;
      const close = this.find(run, i + run.length + 1);
      if (close < 0) return i + run.length;
      this.marks.add(i, close + run.length, OPAQUE);
      return close + run.length;
    }
    if (!this.mayOpen(i, 1)) return i + 1;
    const close = this.constrainedCloser(i + 2, 43);
    if (close < 0) return i + 1;
    this.marks.add(i, close + 1, OPAQUE);
    return close + 1;
  }

  private attributeReference(i: number): number {
    ATTRIBUTE_REFERENCE.lastIndex = i;
    if (!ATTRIBUTE_REFERENCE.test(this.text) || ATTRIBUTE_REFERENCE.lastIndex > this.end) return i + 1;
    this.marks.add(i, ATTRIBUTE_REFERENCE.lastIndex, OPAQUE);
    return ATTRIBUTE_REFERENCE.lastIndex;
  }

  /** `<<id>>` (opaque), `<<id,text>>` (the text is prose) and `<url>` (opaque). */
  private angle(i: number): number {
    const text = this.text;
    if (text.charCodeAt(i + 1) === 60) {
      const close = this.lineFind('>>', i + 2);
      if (close < 0) return i + 2;
      const comma = text.indexOf(',', i + 2);
      if (comma >= 0 && comma < close && close > comma + 1) {
        this.marks.add(i, comma + 1, MARKUP);
        this.closers.set(close, 2);
        return comma + 1;
      }
      this.marks.add(i, close + 2, OPAQUE);
      return close + 2;
    }
    MACRO_NAME.lastIndex = i + 1;
    if (MACRO_NAME.test(text) && URL_SCHEMES.has(text.slice(i + 1, MACRO_NAME.lastIndex - 1))) {
      const close = this.lineFind('>', i + 1);
      if (close >= 0) {
        this.marks.add(i, close + 1, OPAQUE);
        return close + 1;
      }
    }
    return i + 1;
  }

  /** `needle` at or after `from` on the same line. */
  private lineFind(needle: string, from: number): number {
    const text = this.text;
    const at = text.indexOf(needle, from);
    if (at < 0 || at >= this.end) return -1;
    for (let j = from; j < at; j++) if (isLineBreak(text.charCodeAt(j))) return -1;
    return at;
  }

  /** Anchors (`[[id]]`, markup) and the attribute list before formatted text (`[.role]#text#`, markup). */
  private bracket(i: number): number {
    const text = this.text;
    if (text.charCodeAt(i + 1) === 91) {
      const close = this.lineFind(']]', i + 2);
      if (close < 0) return i + 2;
      const end = text.charCodeAt(close + 2) === 93 ? close + 3 : close + 2;
      this.marks.add(i, end, MARKUP);
      return end;
    }
    const close = this.lineFind(']', i + 1);
    if (close < 0) return i + 1;
    const after = text.charCodeAt(close + 1);
    if (after === 35 || after === 42 || after === 95 || after === 96) {
      this.marks.add(i, close + 1, MARKUP);
      return close + 1;
    }
    return i + 1;
  }

  /** Index terms: `((term))` shows the term, `(((a, b)))` shows nothing. */
  private indexTerm(i: number): number {
    const text = this.text;
    if (text.charCodeAt(i + 1) !== 40) return i + 1;
    if (text.charCodeAt(i + 2) === 40) {
      const close = this.lineFind(')))', i + 3);
      if (close < 0) return i + 3;
      this.marks.add(i, close + 3, MARKUP);
      return close + 3;
    }
    const close = this.lineFind('))', i + 2);
    if (close < 0) return i + 2;
    this.marks.add(i, i + 2, MARKUP);
    this.closers.set(close, 2);
    return i + 2;
  }

  /** Inline macros (`name:target[text]`) and bare URLs, at the start of a word. */
  private macro(i: number): number {
    const text = this.text;
    MACRO_NAME.lastIndex = i;
    if (!MACRO_NAME.test(text)) return i + 1;
    const colon = MACRO_NAME.lastIndex - 1;
    const name = text.slice(i, colon);
    if (URL_SCHEMES.has(name) && text.startsWith('//', colon + 1)) return this.url(i, colon + 3);
    const known = TEXT_MACROS.has(name) || OPAQUE_MACROS.has(name) || HIDDEN_MACROS.has(name) || FOOTNOTE_MACROS.has(name);
    if (!known) return colon + 1;
    let open = colon + 1;
    while (open < this.end && !isBlank(text.charCodeAt(open)) && text.charCodeAt(open) !== 91) open++;
    if (text.charCodeAt(open) !== 91) return colon + 1;
    const close = this.closingBracket(open);
    if (close < 0) return colon + 1;
    if (OPAQUE_MACROS.has(name)) this.marks.add(i, close + 1, OPAQUE);
    else if (HIDDEN_MACROS.has(name)) this.marks.add(i, close + 1, MARKUP);
    else if (FOOTNOTE_MACROS.has(name)) {
      // The footnote's mark stands for a word; its text, a unit of its own, is left out of this one.
      this.marks.add(i, colon, OPAQUE);
      this.marks.add(colon, close + 1, MARKUP);
      const comma = name === 'footnoteref' ? text.indexOf(',', open) : -1;
      this.footnotes.push(comma >= 0 && comma < close ? comma + 1 : open + 1, close);
    } else return this.linkText(i, open, close);
    return close + 1;
  }

  /** A URL runs to a space, `[` or `<`; a `[text]` right after it is its text. Trailing punctuation is not part of it. */
  private url(start: number, from: number): number {
    const text = this.text;
    let e = from;
    while (e < this.end) {
      const c = text.charCodeAt(e);
      if (isBlank(c) || c === 91 || c === 60 || c === 62 || c === 34) break;
      e++;
    }
    if (text.charCodeAt(e) === 91) {
      const close = this.closingBracket(e);
      if (close > e + 1) return this.linkText(start, e, close);
      if (close === e + 1) {
        this.marks.add(start, close + 1, OPAQUE);
        return close + 1;
      }
    }
    while (e > from && '.,;:!?)'.includes(text[e - 1]!)) e--;
    this.marks.add(start, e, OPAQUE);
    return e;
  }

  /** A link's `[text, attributes]`: the text is prose, the target and the attributes are not. */
  private linkText(start: number, open: number, close: number): number {
    const text = this.text;
    if (close === open + 1) {
      this.marks.add(start, close + 1, OPAQUE);
      return close + 1;
    }
    let textEnd = close;
    const comma = text.indexOf(',', open);
    if (comma >= 0 && comma < close && text.indexOf('=', comma) < close && text.indexOf('=', comma) >= 0) textEnd = comma;
    if (text.charCodeAt(textEnd - 1) === 94) textEnd--;
    this.marks.add(start, open + 1, MARKUP);
    // Marked now and skipped when the scan gets there, so nothing in the attributes is read as markup.
    this.marks.add(textEnd, close + 1, MARKUP);
    this.closers.set(textEnd, close + 1 - textEnd);
    return open + 1;
  }

  /** The `]` that closes the `[` at `open` (nested brackets and `\]` allowed), or -1. */
  private closingBracket(open: number): number {
    const text = this.text;
    let depth = 0;
    for (let j = open; j < this.end && this.budget > 0; j++, this.budget--) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 91) depth++;
      else if (c === 93 && --depth === 0) return j;
    }
    return -1;
  }
}
