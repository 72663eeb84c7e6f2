/**
 * reStructuredText inline markup: marks what in a unit's source range is not
 * prose, following docutils' inline markup recognition rules (a start-string
 * follows a space or an opening punctuation mark and precedes a non-space; an
 * end-string follows a non-space and precedes a space or a closing mark).
 *
 * Emphasis and strong emphasis keep their text; inline literals, default-role
 * interpreted text, substitution, footnote and citation references and
 * standalone URIs stand for one word; roles keep their text when they show
 * prose (`:emphasis:`, `:term:`, a reference's explicit title) and stand for
 * one word otherwise (`:code:`, `:func:`); hyperlink references keep their
 * text and drop their target.
 */
import { MARKUP, Marks, OPAQUE } from '../shared/marks';
import { isBlank } from '../shared/unitBuilder';

/** Roles whose text is shown as prose. */
const PROSE_ROLES = new Set([
  'emphasis',
  'strong',
  'sub',
  'subscript',
  'sup',
  'superscript',
  'title-reference',
  'title',
  't',
  'term',
  'abbr',
  'dfn',
  'index',
  'guilabel',
]);
/** Cross-reference roles: `Title <target>` shows the title; a bare target shows text found elsewhere. */
const REFERENCE_ROLES = new Set(['ref', 'doc', 'any', 'numref', 'download', 'keyword', 'std:ref', 'std:doc']);

const ROLE = /:([\w][\w:+.-]*):(?=`)/y;
const URI = /(?:https?|ftp|mailto|file):(?:\/\/)?[^\s<>"'`]+/y;

/** May precede a start-string. */
function isOpener(c: number): boolean {
  return (
    isBlank(c) ||
    c === 45 ||
    c === 58 ||
    c === 47 ||
    c === 39 ||
    c === 34 ||
    c === 60 ||
    c === 40 ||
    c === 91 ||
    c === 123 ||
    c === 0x2018 ||
    c === 0x201c
  );
}

/** May follow an end-string. */
function isCloser(c: number): boolean {
  return isBlank(c) || '-.,:;!?\\/\'")]}>'.includes(String.fromCharCode(c)) || c === 0x2019 || c === 0x201d;
}

function isWord(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return !isBlank(c) && !(c >= 0x2000 && c <= 0x206f);
}

/** Scans one unit's range at a time; the scanner is reused across units. */
export class RstInline {
  readonly marks = new Marks();
  private text = '';
  private start = 0;
  private end = 0;
  /** Work left for end-string searches, which keeps hostile input linear. */
  private budget = 0;

  /** Marks the markup in `[start, end)` of `text` into {@link marks}. */
  scan(text: string, start: number, end: number): void {
    this.text = text;
    this.start = start;
    this.end = end;
    this.budget = 4 * (end - start) + 256;
    let i = start;
    while (i < end) i = this.step(i);
  }

  private at(i: number): number {
    return i >= this.start && i < this.end ? this.text.charCodeAt(i) : 32;
  }

  /** A start-string of length `length` may open at `i`. */
  private mayOpen(i: number, length: number): boolean {
    return isOpener(this.at(i - 1)) && !isBlank(this.at(i + length));
  }

  /** The first end-string `needle` after `from` that is preceded by a non-space and followed by a closer, or -1. */
  private endString(needle: string, from: number): number {
    const text = this.text;
    for (let at = text.indexOf(needle, from); at >= 0 && at + needle.length <= this.end; at = text.indexOf(needle, at + 1)) {
      this.budget -= at - from;
      from = at;
      if (this.budget <= 0) return -1;
      if (isBlank(this.at(at - 1)) || this.at(at - 1) === 92) continue;
      if (!isCloser(this.at(at + needle.length))) continue;
      return at;
    }
    this.budget -= this.end - from;
    return -1;
  }

  private step(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    switch (c) {
      case 92: // backslash escapes the next character; a backslash-space is removed
        this.marks.add(i, isBlank(this.at(i + 1)) ? i + 2 : i + 1, MARKUP);
        return i + 2;
      case 42: // * and **
        return this.emphasis(i);
      case 96: // `
        return this.backquote(i, -1);
      case 58: // : a role before interpreted text
        return this.role(i);
      case 124: // | substitution reference
        return this.enclosed(i, '|', true);
      case 91: // [ footnote or citation reference
        return this.footnoteReference(i);
      case 95: // _ inline target, or the end of a reference name
        return this.underscore(i);
      default:
        if ((c === 104 || c === 102 || c === 109) && !isWord(this.at(i - 1))) return this.uri(i);
        return i + 1;
    }
  }

  private emphasis(i: number): number {
    const strong = this.at(i + 1) === 42;
    const length = strong ? 2 : 1;
    if (!this.mayOpen(i, length)) return i + length;
    const close = this.endString(strong ? '**' : '*', i + length + 1);
    if (close < 0) return i + length;
    // Inline markup does not nest: the text between is plain.
    this.marks.add(i, i + length, MARKUP);
    this.marks.add(close, close + length, MARKUP);
    return close + length;
  }

  /** Inline literals, interpreted text (with the role before it, starting at `roleStart`) and hyperlink references. */
  private backquote(i: number, roleStart: number): number {
    const text = this.text;
    if (this.at(i + 1) === 96) {
      if (!this.mayOpen(i, 2)) return i + 2;
      const close = this.endString('``', i + 3);
      if (close < 0) return i + 2;
      this.marks.add(i, close + 2, OPAQUE);
      return close + 2;
    }
    if (roleStart < 0 && !this.mayOpen(i, 1)) return i + 1;
    if (roleStart >= 0 && isBlank(this.at(i + 1))) return i + 1;
    const close = this.closingBackquote(i + 2);
    if (close < 0) return i + 1;
    let end = close + 1;
    if (text.charCodeAt(end) === 95) {
      // `text <target>`_ and `text`__: a hyperlink reference shows its text
      end += text.charCodeAt(end + 1) === 95 ? 2 : 1;
      return this.titled(roleStart >= 0 ? roleStart : i, i + 1, close, end);
    }
    let role = '';
    if (roleStart < 0 && text.charCodeAt(end) === 58) {
      const suffix = /:([\w][\w:+.-]*):/y;
      suffix.lastIndex = end;
      if (suffix.test(text) && suffix.lastIndex <= this.end) {
        role = text.slice(end + 1, suffix.lastIndex - 1);
        end = suffix.lastIndex;
      }
    } else if (roleStart >= 0) role = text.slice(roleStart + 1, i - 1);
    const from = roleStart >= 0 ? roleStart : i;
    const name = role.toLowerCase();
    if (PROSE_ROLES.has(name)) {
      this.marks.add(from, i + 1, MARKUP);
      this.marks.add(close, end, MARKUP);
    } else if (REFERENCE_ROLES.has(name) && text.charCodeAt(close - 1) === 62 && text.lastIndexOf('<', close) > i) {
      this.titled(from, i + 1, close, end);
    } else this.marks.add(from, end, OPAQUE);
    return end;
  }

  /** The end of interpreted text: a backquote after a non-space, not part of ``, followed by a closer, `_` or `:`. */
  private closingBackquote(from: number): number {
    const text = this.text;
    for (let at = text.indexOf('`', from); at >= 0 && at < this.end; at = text.indexOf('`', at + 1)) {
      this.budget -= at - from;
      from = at;
      if (this.budget <= 0) return -1;
      if (isBlank(this.at(at - 1)) || this.at(at - 1) === 92) continue;
      const after = this.at(at + 1);
      if (after === 95 || after === 58 || isCloser(after)) return at;
    }
    this.budget -= this.end - from;
    return -1;
  }

  /** Markup `[from, textStart)`, then the title (before any `<target>`) as prose, then markup to `end`. */
  private titled(from: number, textStart: number, close: number, end: number): number {
    const text = this.text;
    let textEnd = close;
    if (text.charCodeAt(close - 1) === 62) {
      const lt = text.lastIndexOf('<', close);
      if (lt > textStart) textEnd = lt;
      // The space before `<target>` belongs to the markup, so punctuation after the reference stays glued to its text.
      while (textEnd > textStart && isBlank(text.charCodeAt(textEnd - 1))) textEnd--;
    }
    if (textEnd === textStart || (textEnd < close && text.slice(textStart, textEnd).trim().length === 0)) {
      this.marks.add(from, end, OPAQUE);
      return end;
    }
    this.marks.add(from, textStart, MARKUP);
    this.marks.add(textEnd, end, MARKUP);
    return end;
  }

  private role(i: number): number {
    if (!isOpener(this.at(i - 1))) return i + 1;
    ROLE.lastIndex = i;
    if (!ROLE.test(this.text) || ROLE.lastIndex >= this.end) return i + 1;
    return this.backquote(ROLE.lastIndex, i);
  }

  /** `|name|` (with an optional `_` or `__` after it): one opaque word. */
  private enclosed(i: number, needle: string, allowUnderscore: boolean): number {
    if (!this.mayOpen(i, 1)) return i + 1;
    const close = this.text.indexOf(needle, i + 1);
    if (close < 0 || close >= this.end || isBlank(this.at(close - 1))) return i + 1;
    let end = close + 1;
    if (allowUnderscore && this.at(end) === 95) end += this.at(end + 1) === 95 ? 2 : 1;
    if (!isCloser(this.at(end))) return i + 1;
    this.marks.add(i, end, OPAQUE);
    return end;
  }

  /** `[1]_`, `[#note]_`, `[*]_`, `[CIT2002]_`: one opaque word. */
  private footnoteReference(i: number): number {
    const text = this.text;
    const close = text.indexOf(']_', i + 1);
    if (close < 0 || close + 2 > this.end || close - i > 64 || /\s/.test(text.slice(i + 1, close))) return i + 1;
    if (!isCloser(this.at(close + 2))) return i + 1;
    this.marks.add(i, close + 2, OPAQUE);
    return close + 2;
  }

  /** An inline target (`` _`text` ``, prose), or the `_` / `__` that ends a reference name (`word_`, markup). */
  private underscore(i: number): number {
    if (this.at(i + 1) === 96 && isOpener(this.at(i - 1))) {
      const close = this.closingBackquote(i + 2);
      if (close < 0) return i + 1;
      this.marks.add(i, i + 2, MARKUP);
      this.marks.add(close, close + 1, MARKUP);
      return close + 1;
    }
    const length = this.at(i + 1) === 95 ? 2 : 1;
    if (isWord(this.at(i - 1)) && isCloser(this.at(i + length))) {
      this.marks.add(i, i + length, MARKUP);
      return i + length;
    }
    return i + length;
  }

  /** A standalone URI: one opaque word, without the punctuation that ends a sentence after it. */
  private uri(i: number): number {
    URI.lastIndex = i;
    if (!URI.test(this.text)) return i + 1;
    let end = Math.min(URI.lastIndex, this.end);
    while (end > i && '.,;:!?)'.includes(this.text[end - 1]!)) end--;
    this.marks.add(i, end, OPAQUE);
    return end;
  }
}
