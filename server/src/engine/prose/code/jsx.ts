/**
 * JSX inside JavaScript and TypeScript: the text children of elements are
 * prose (inline elements such as `<b>` and `<a>` join the words around them,
 * other elements and components end the unit), and so are the visible props
 * (`title`, `alt`, `label`, `description`, `aria-label`, `placeholder`);
 * other props and `{expressions}` are not (an expression among text stands
 * for one word). Expressions are lexed as code, so JSX and strings inside
 * them are read too.
 *
 * JSX is recognised where an expression may start; if what follows turns
 * out not to be JSX (a `>` or a `}` in its text, which JSX does not allow,
 * as in a generic arrow function `<T extends X>(x: T) => x`), the reader
 * drops what it read of it and goes back to code.
 */
import { addCharacterReference } from '../html/entities';
import { INLINE_ELEMENTS } from '../html/elements';
import { UnitBuilder, isBlank } from '../shared/unitBuilder';
import type { CodeLexer } from './lexer';

/** Props whose string value is shown to the reader. */
export const VISIBLE_PROPS = new Set(['title', 'alt', 'label', 'description', 'aria-label', 'aria-description', 'placeholder']);

/** Named character references that JSX text commonly uses, with the character each stands for. */
const NAMED_REFERENCES: Record<string, number> = {
  nbsp: 160,
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  mdash: 8212,
  ndash: 8211,
  hellip: 8230,
  rsquo: 8217,
  lsquo: 8216,
  ldquo: 8220,
  rdquo: 8221,
  laquo: 171,
  raquo: 187,
  copy: 169,
  reg: 174,
  trade: 8482,
  middot: 183,
  bull: 8226,
  times: 215,
  deg: 176,
  shy: 173,
  zwj: 8205,
  zwnj: 8204,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  rarr: 8594,
  larr: 8592,
  nbhy: 8209,
};
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

const TAG = 0;
const CHILDREN = 1;
const EXPRESSION = 2;

interface Frame {
  readonly kind: number;
  /** Children: the unit their text goes to (an inline element shares its parent's). */
  readonly unit?: UnitBuilder;
  readonly inline?: boolean;
  /** Tag: the element's name and the prop being read. */
  readonly name?: string;
  prop?: string;
  /** Expression: brace depth inside it, where it started and whether it holds more than comments. */
  depth?: number;
  readonly start?: number;
  hasCode?: boolean;
}

function isNameStart(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 36;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 58;
}

export class JsxReader {
  private frames: Frame[] = [];

  constructor(private readonly lexer: CodeLexer) {}

  get active(): boolean {
    return this.frames.length > 0;
  }

  private get text(): string {
    return this.lexer.text;
  }

  /** True when the `<` at `pos` opens an element (or a fragment) rather than a comparison or a type parameter list. */
  startsAt(pos: number): boolean {
    const text = this.text;
    const first = text.charCodeAt(pos + 1);
    if (first === 62) return true;
    if (!isNameStart(first)) return false;
    let p = pos + 2;
    while (p < text.length && isNameChar(text.charCodeAt(p))) p++;
    while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    const next = text.charCodeAt(p);
    return next === 62 || next === 47 || next === 123 || next === 10 || next === 13 || isNameStart(next);
  }

  /** Opens the element whose `<` is at `pos`; returns where its tag's props start. */
  open(pos: number): number {
    const text = this.text;
    let p = pos + 1;
    while (p < text.length && isNameChar(text.charCodeAt(p))) p++;
    this.frames.push({ kind: TAG, name: text.slice(pos + 1, p) });
    return p;
  }

  /** Reads one token inside JSX. */
  token(pos: number): number {
    const frame = this.frames[this.frames.length - 1]!;
    if (frame.kind === TAG) return this.tagToken(pos, frame);
    if (frame.kind === CHILDREN) return this.childrenToken(pos, frame);
    return this.expressionToken(pos, frame);
  }

  /** Ends what is still open at the end of the text. */
  end(): void {
    for (const frame of this.frames) if (frame.kind === CHILDREN && !frame.inline) frame.unit!.finish(this.lexer.units);
    this.frames = [];
  }

  private tagToken(pos: number, frame: Frame): number {
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (isBlank(c) || c === 61) return pos + 1;
    if (c === 47 && text.charCodeAt(pos + 1) === 62) {
      this.frames.pop();
      this.elementDone();
      return pos + 2;
    }
    if (c === 62) {
      this.frames.pop();
      const name = frame.name ?? '';
      const parent = this.frames[this.frames.length - 1];
      // Fragments and inline elements join their parent's text; anything else is a unit of its own.
      const inline = name === '' || INLINE_ELEMENTS.has(name);
      if (parent?.kind === CHILDREN) {
        if (inline) {
          this.frames.push({ kind: CHILDREN, unit: parent.unit!, inline: true });
          return pos + 1;
        }
        parent.unit!.finish(this.lexer.units);
      }
      this.frames.push({ kind: CHILDREN, unit: new UnitBuilder(text), inline: false });
      return pos + 1;
    }
    if (c === 123) {
      frame.prop = undefined;
      this.frames.push({ kind: EXPRESSION, depth: 0, start: pos, hasCode: false });
      return pos + 1;
    }
    if (c === 34 || c === 39) return this.propValue(pos, frame);
    if (isNameStart(c)) {
      let e = pos + 1;
      while (e < text.length && isNameChar(text.charCodeAt(e))) e++;
      frame.prop = text.slice(pos, e);
      return e;
    }
    return this.abort(pos);
  }

  /** A quoted prop value: a unit when the prop is shown to the reader. */
  private propValue(pos: number, frame: Frame): number {
    const text = this.text;
    const quote = text.charCodeAt(pos);
    let close = text.indexOf(String.fromCharCode(quote), pos + 1);
    if (close < 0) close = text.length;
    if (frame.prop !== undefined && VISIBLE_PROPS.has(frame.prop)) {
      const unit = new UnitBuilder(text);
      this.addText(unit, pos + 1, close);
      unit.finish(this.lexer.units);
    }
    frame.prop = undefined;
    return Math.min(text.length, close + 1);
  }

  private childrenToken(pos: number, frame: Frame): number {
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (c === 60) {
      const next = text.charCodeAt(pos + 1);
      if (next === 47) return this.closeElement(pos, frame);
      if (next === 62 || isNameStart(next)) return this.open(pos);
    }
    if (c === 123) {
      this.frames.push({ kind: EXPRESSION, depth: 0, start: pos, hasCode: false });
      return pos + 1;
    }
    // JSX text holds no `>` or `}`: this was not JSX.
    if (c === 62 || c === 125) return this.abort(pos);
    let e = pos + 1;
    while (e < text.length) {
      const d = text.charCodeAt(e);
      if (d === 60 || d === 123 || d === 62 || d === 125) break;
      e++;
    }
    this.addText(frame.unit!, pos, e);
    return e;
  }

  /** Text with character references, added to `unit`. */
  private addText(unit: UnitBuilder, start: number, end: number): void {
    const text = this.text;
    let run = start;
    for (let amp = text.indexOf('&', start); amp >= 0 && amp < end; amp = text.indexOf('&', amp + 1)) {
      REFERENCE.lastIndex = amp;
      const match = REFERENCE.exec(text);
      if (!match || REFERENCE.lastIndex > end) continue;
      const codePoint = match[1] ? Number(match[1]) : match[2] ? parseInt(match[2], 16) : (NAMED_REFERENCES[match[3]!] ?? 0x61);
      unit.addText(run, amp);
      addCharacterReference(unit, text, amp, REFERENCE.lastIndex, codePoint);
      run = REFERENCE.lastIndex;
    }
    unit.addText(run, end);
  }

  /** `</name>`: ends the innermost element. */
  private closeElement(pos: number, frame: Frame): number {
    const text = this.text;
    let gt = text.indexOf('>', pos + 2);
    if (gt < 0) gt = text.length - 1;
    this.frames.pop();
    if (!frame.inline) frame.unit!.finish(this.lexer.units);
    this.elementDone();
    return gt + 1;
  }

  /** An element ended: back in code, the element is a value. */
  private elementDone(): void {
    const top = this.frames[this.frames.length - 1];
    if (top === undefined || top.kind === EXPRESSION) this.lexer.markValue();
  }

  private expressionToken(pos: number, frame: Frame): number {
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (isBlank(c)) return pos + 1;
    if (c === 125 && frame.depth === 0) {
      this.frames.pop();
      const parent = this.frames[this.frames.length - 1];
      // An expression among text stands for a word where its `{` is; a comment (`{/* … */}`) for nothing.
      if (parent?.kind === CHILDREN && frame.hasCode) parent.unit!.addOpaque(frame.start!, frame.start! + 1);
      return pos + 1;
    }
    if (c === 123) frame.depth!++;
    else if (c === 125) frame.depth!--;
    const comment = c === 47 && (text.charCodeAt(pos + 1) === 42 || text.charCodeAt(pos + 1) === 47);
    if (!comment) frame.hasCode = true;
    if (c === 123 || c === 125) return pos + 1;
    return this.lexer.token(pos);
  }

  /** Not JSX after all: forgets the elements read so far (and their text) and goes back to code at `pos`. */
  private abort(pos: number): number {
    while (this.frames.length > 0 && this.frames[this.frames.length - 1]!.kind !== EXPRESSION) this.frames.pop();
    this.lexer.markOperator();
    // The character is read again, as code.
    return pos;
  }
}
