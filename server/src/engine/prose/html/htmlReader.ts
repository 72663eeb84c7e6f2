/**
 * The HTML reader's state machine, driven by htmlparser2's tokenizer.
 *
 * The tokenizer reports every token with its source offsets (tags, attribute
 * values, text runs, character references and comments) and never throws or
 * reorders anything, which is what exact prose ranges need; a tree builder
 * would move text (foster parenting) and merge text nodes.
 *
 * A unit is the text of a block-level element: inline elements (`<b>`,
 * `<a>`) join the words around them, any other element ends the unit. A
 * blank line in the text ends it too, so that a document without block tags
 * still has restart points.
 *
 * Blocks are cut at line starts where nothing is pending: the tokenizer is
 * reading text (not a tag, a comment or a raw-text element), no skipped
 * element is open and the current unit is empty. A fresh scan started there
 * is in exactly the same state, which is what makes restarts yield the same
 * blocks. Constructs left open (a comment, a `<pre>`, a `<script>`) run to the
 * end of the document, so no block boundary ever depends on text after it.
 */
import type { TokenizerCallbacks } from 'htmlparser2';
import { QuoteType } from 'htmlparser2';
import type { CommentSpan, ProseBlock, ProseUnit } from '../prose';
import { UnitBuilder, isBlank } from '../shared/unitBuilder';
import {
  BUTTON_INPUT_TYPES,
  INLINE_ELEMENTS,
  LABELLED_ELEMENTS,
  OPAQUE_ELEMENTS,
  OPAQUE_VOID_ELEMENTS,
  PROSE_ATTRIBUTES,
  PROSE_META_NAMES,
  RAW_TEXT_ELEMENTS,
  SKIPPED_ELEMENTS,
  VOID_ELEMENTS,
} from './elements';
import { addCharacterReference } from './entities';

/** The template languages whose text the HTML reader can read. */
export interface HtmlDialect {
  /** `<template>` holds the page's markup (Vue), not an inert fragment. */
  readonly templateIsProse: boolean;
  /** Interpolations in text: `{{ expr }}` (Vue), `{expr}` and `{#if}` blocks (Svelte), or none. */
  readonly expressions: 'none' | 'mustache' | 'braces';
  /** More elements whose content is not prose (Vue's `<i18n>` block). */
  readonly skipped: ReadonlySet<string>;
}

interface Attribute {
  name: string;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  /** Character references in the value: start, end, code point. */
  references: number[];
}

/** An open element whose content is not prose. */
interface Skipped {
  readonly name: string;
  /** Where the element's start tag begins and its name ends, and where its content begins. */
  readonly start: number;
  readonly nameEnd: number;
  readonly contentStart: number;
  /** Inline (it stands for a word in its unit) rather than a block of its own. */
  readonly opaque: boolean;
  /** Elements opened inside it and not closed yet. */
  readonly inner: string[];
}

/** An open template expression: `{{` or `{` with its nesting depth and any open string quote. */
interface Expression {
  readonly start: number;
  depth: number;
  quote: number;
  /** A Svelte block tag (`{#if}`, `{:else}`, `{/if}`) ends the unit instead of standing for a word. */
  readonly block: boolean;
}

export class HtmlReader implements TokenizerCallbacks {
  /** Finished blocks not yet handed out. */
  readonly ready: ProseBlock[] = [];
  private blockStart: number;
  private units: ProseUnit[] = [];
  private comments: CommentSpan[] = [];
  private readonly unit: UnitBuilder;
  private skipped: Skipped | undefined;
  /** The raw-text element the tokenizer is inside, if any. */
  private raw: string | undefined;
  private expression: Expression | undefined;
  /** Since the last line break only whitespace text was read: a line break now makes a blank line. */
  private lineBlank = true;
  private tagName = '';
  private tagStart = 0;
  private tagNameEnd = 0;
  /** The tag's name has an upper-case letter or a hyphen: a component, whose `label` props are shown. */
  private tagIsComponent = false;
  private attributes: Attribute[] = [];

  constructor(
    private readonly text: string,
    /** Where the tokenizer's offset 0 lies in `text`. */
    private readonly base: number,
    private readonly dialect: HtmlDialect,
  ) {
    this.blockStart = base;
    this.unit = new UnitBuilder(text);
  }

  // --- text -----------------------------------------------------------------

  ontext(start: number, endIndex: number): void {
    const s = start + this.base;
    const e = endIndex + this.base;
    if (this.raw !== undefined) {
      if (this.raw === 'title' && this.skipped === undefined) this.addInline(s, e);
      return;
    }
    const text = this.text;
    let p = s;
    while (p < e) {
      let newline = text.indexOf('\n', p);
      if (newline < 0 || newline >= e) newline = -1;
      const pieceEnd = newline < 0 ? e : newline;
      if (this.skipped === undefined) this.addInline(p, pieceEnd);
      else if (this.lineBlank) this.lineBlank = isAllBlank(text, p, pieceEnd);
      if (newline < 0) break;
      this.lineEnd(newline + 1);
      p = newline + 1;
    }
  }

  ontextentity(codePoint: number, endIndex: number): void {
    const end = endIndex + this.base;
    // A character reference holds no `&` but its first character.
    const start = this.text.lastIndexOf('&', end - 1);
    this.lineBlank = false;
    if (this.skipped !== undefined || this.expression !== undefined) return;
    if (this.raw !== undefined && this.raw !== 'title') return;
    addCharacterReference(this.unit, this.text, start, end, codePoint);
  }

  /** Adds text without line breaks to the current unit, cutting out template expressions. */
  private addInline(start: number, end: number): void {
    const text = this.text;
    if (this.lineBlank && !isAllBlank(text, start, end)) this.lineBlank = false;
    if (this.dialect.expressions === 'none') {
      this.unit.addText(start, end);
      return;
    }
    let from = start;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const open = this.expression;
      if (open !== undefined) {
        if (this.closesExpression(open, c, i)) {
          const close = this.dialect.expressions === 'mustache' ? i + 2 : i + 1;
          this.endExpression(close);
          i = close - 1;
          from = close;
        }
        continue;
      }
      if (c !== 123) continue;
      if (this.dialect.expressions === 'mustache' && text.charCodeAt(i + 1) !== 123) continue;
      this.unit.addText(from, i);
      const kind = text.charCodeAt(i + 1);
      this.expression = {
        start: i,
        depth: 1,
        quote: 0,
        block: this.dialect.expressions === 'braces' && (kind === 35 || kind === 58 || kind === 47),
      };
      if (this.dialect.expressions === 'mustache') i++;
    }
    if (this.expression === undefined && from < end) this.unit.addText(from, end);
  }

  /** True when `c` at `i` closes the expression (for Vue, the first `}}`). */
  private closesExpression(open: Expression, c: number, i: number): boolean {
    if (this.dialect.expressions === 'mustache') return c === 125 && this.text.charCodeAt(i + 1) === 125;
    if (open.quote !== 0) {
      if (c === open.quote) open.quote = 0;
      else if (c === 92) open.quote = -open.quote;
      else if (open.quote < 0) open.quote = -open.quote;
      return false;
    }
    if (c === 34 || c === 39 || c === 96) open.quote = c;
    else if (c === 123) open.depth++;
    else if (c === 125) return --open.depth === 0;
    return false;
  }

  /** Ends the open expression at `end`: an opaque word, or a unit break for Svelte block tags. */
  private endExpression(end: number): void {
    const open = this.expression!;
    this.expression = undefined;
    if (open.block) this.unit.finish(this.units);
    else this.unit.addOpaque(open.start, end);
  }

  /** A line break in text at the top level: maybe a blank line, maybe a block boundary at `next`. */
  private lineEnd(next: number): void {
    const atTop = this.skipped === undefined && this.expression === undefined && this.raw === undefined;
    if (this.lineBlank && atTop) this.unit.finish(this.units);
    else this.unit.separate();
    this.lineBlank = true;
    if (atTop && this.unit.isEmpty && next > this.blockStart && next < this.text.length) this.cut(next);
  }

  private cut(at: number): void {
    const units = this.units;
    // Attribute units are finished before the text unit around them; hand units out in source order.
    for (let i = 1; i < units.length; i++) {
      if (units[i]!.segments[0]!.start < units[i - 1]!.segments[0]!.start) {
        units.sort((a, b) => a.segments[0]!.start - b.segments[0]!.start);
        break;
      }
    }
    this.ready.push({ start: this.blockStart, end: at, units, comments: this.comments });
    this.blockStart = at;
    this.units = [];
    this.comments = [];
  }

  // --- tags -----------------------------------------------------------------

  onopentagname(start: number, endIndex: number): void {
    this.interruptExpression(start - 1 + this.base);
    this.lineBlank = false;
    const written = this.text.slice(start + this.base, endIndex + this.base);
    this.tagName = written.toLowerCase();
    this.tagStart = start - 1 + this.base;
    this.tagNameEnd = endIndex + this.base;
    this.tagIsComponent = written !== this.tagName || written.includes('-');
    this.attributes = [];
  }

  onattribname(start: number, endIndex: number): void {
    const name = this.text.slice(start + this.base, endIndex + this.base).toLowerCase();
    this.attributes.push({ name, nameEnd: endIndex + this.base, valueStart: -1, valueEnd: -1, references: [] });
  }

  onattribdata(start: number): void {
    const references = this.attributes[this.attributes.length - 1]?.references;
    // A character reference waiting for its end ends where this data starts.
    if (references !== undefined && references.length > 0 && references[references.length - 2] === -1)
      references[references.length - 2] = start + this.base;
  }

  onattribentity(codePoint: number): void {
    // Its start and end are filled in when the value ends (`resolveReferences`).
    this.attributes[this.attributes.length - 1]?.references.push(-1, -1, codePoint);
  }

  onattribend(quote: QuoteType, endIndex: number): void {
    const attribute = this.attributes[this.attributes.length - 1];
    if (!attribute || quote === QuoteType.NoValue) return;
    const end = endIndex + this.base - (quote === QuoteType.Unquoted ? 0 : 1);
    attribute.valueStart = this.valueStart(attribute.nameEnd, quote);
    attribute.valueEnd = end;
    resolveReferences(this.text, attribute);
  }

  /** Where the value of an attribute whose name ends at `nameEnd` starts: after `=`, spaces and the quote. */
  private valueStart(nameEnd: number, quote: QuoteType): number {
    const text = this.text;
    let p = nameEnd;
    while (p < text.length && isBlank(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) === 61) p++;
    while (p < text.length && isBlank(text.charCodeAt(p))) p++;
    return quote === QuoteType.Unquoted ? p : p + 1;
  }

  onopentagend(endIndex: number): void {
    this.openElement(endIndex + 1 + this.base, false);
  }

  onselfclosingtag(endIndex: number): void {
    this.openElement(endIndex + 1 + this.base, true);
  }

  private openElement(end: number, selfClosing: boolean): void {
    const name = this.tagName;
    const start = this.tagStart;
    // The tokenizer reads these as raw text even when written `<script/>`.
    if (RAW_TEXT_ELEMENTS.has(name)) this.raw = name;
    const skipped = this.skipped;
    if (skipped !== undefined) {
      if (!selfClosing && !VOID_ELEMENTS.has(name)) skipped.inner.push(name);
      return;
    }
    this.readAttributes(name);
    // An opaque word covers the tag's name, not its attributes, which may be prose units of their own.
    if (OPAQUE_VOID_ELEMENTS.has(name)) this.unit.addOpaque(start, this.tagNameEnd);
    else if (name === 'br') this.unit.separate();
    else if (OPAQUE_ELEMENTS.has(name)) {
      if (selfClosing) this.unit.addOpaque(start, this.tagNameEnd);
      else this.skipped = { name, start, nameEnd: this.tagNameEnd, contentStart: end, opaque: true, inner: [] };
    } else if (!INLINE_ELEMENTS.has(name) && name !== 'wbr') {
      this.unit.finish(this.units);
      if (this.isSkipped(name) && !selfClosing)
        this.skipped = { name, start, nameEnd: this.tagNameEnd, contentStart: end, opaque: false, inner: [] };
    }
  }

  private isSkipped(name: string): boolean {
    if (name === 'template') return !this.dialect.templateIsProse;
    return SKIPPED_ELEMENTS.has(name) || this.dialect.skipped.has(name);
  }

  onclosetag(start: number, endIndex: number): void {
    const tagStart = start - 2 + this.base;
    this.interruptExpression(tagStart);
    this.lineBlank = false;
    const name = this.text.slice(start + this.base, endIndex + this.base).toLowerCase();
    if (this.raw === name) this.raw = undefined;
    const skipped = this.skipped;
    if (skipped !== undefined) {
      const index = skipped.inner.lastIndexOf(name);
      if (index >= 0) {
        skipped.inner.length = index;
        return;
      }
      const closesRoot = name === skipped.name;
      // The closing tag of a block element ends whatever inline element is still open inside it.
      if (!closesRoot && (INLINE_ELEMENTS.has(name) || OPAQUE_ELEMENTS.has(name))) return;
      this.skipped = undefined;
      if (skipped.opaque) this.addSkippedWord(skipped, tagStart);
      if (closesRoot && skipped.opaque) return;
    }
    if (!INLINE_ELEMENTS.has(name) && !OPAQUE_ELEMENTS.has(name) && name !== 'br' && name !== 'wbr') this.unit.finish(this.units);
  }

  /** An inline element that is not prose, ended at `end`, as one opaque word: its content, or its name when empty. */
  private addSkippedWord(skipped: Skipped, end: number): void {
    if (skipped.contentStart < end) this.unit.addOpaque(skipped.contentStart, end);
    else this.unit.addOpaque(skipped.start, skipped.nameEnd);
  }

  /** A tag inside an unclosed template expression ends the expression, so a stray `{` loses little. */
  private interruptExpression(at: number): void {
    if (this.expression !== undefined) this.endExpression(at);
  }

  // --- comments and the rest ------------------------------------------------

  oncomment(start: number, endIndex: number, endOffset: number): void {
    const bodyStart = start + this.base;
    const bodyEnd = Math.max(bodyStart, endIndex + this.base - endOffset);
    const open = this.text.lastIndexOf('<', bodyStart - 1);
    const close = endIndex + this.base;
    const end = close < this.text.length ? close + 1 : close;
    this.lineBlank = false;
    this.comments.push({ start: open < 0 ? bodyStart : open, end, body: this.text.slice(bodyStart, bodyEnd).trim() });
  }

  oncdata(start: number, endIndex: number, endOffset: number): void {
    this.oncomment(start, endIndex, endOffset);
  }

  ondeclaration(): void {
    this.lineBlank = false;
  }

  onprocessinginstruction(): void {
    this.lineBlank = false;
  }

  onend(): void {
    if (this.expression !== undefined) this.endExpression(this.text.length);
    const skipped = this.skipped;
    if (skipped?.opaque) this.addSkippedWord(skipped, this.text.length);
    this.skipped = undefined;
    this.unit.finish(this.units);
    if (this.text.length > this.blockStart) this.cut(this.text.length);
  }

  // --- attributes -------------------------------------------------------------

  /** Adds a unit for each attribute of the element just opened whose value is prose. */
  private readAttributes(element: string): void {
    const attributes = this.attributes;
    if (attributes.length === 0) return;
    const valueOf = (name: string): string | undefined => {
      const found = attributes.find((attribute) => attribute.name === name && attribute.valueStart >= 0);
      return found ? this.text.slice(found.valueStart, found.valueEnd).trim().toLowerCase() : undefined;
    };
    for (const attribute of attributes) {
      if (attribute.valueStart < 0 || !this.isProseAttribute(element, attribute.name, valueOf)) continue;
      this.addAttributeValue(attribute);
    }
  }

  private isProseAttribute(element: string, name: string, valueOf: (name: string) => string | undefined): boolean {
    if (PROSE_ATTRIBUTES.has(name)) return true;
    if (name === 'content' && element === 'meta') return PROSE_META_NAMES.has(valueOf('name') ?? valueOf('property') ?? '');
    if (name === 'label') return LABELLED_ELEMENTS.has(element) || this.tagIsComponent;
    if (name === 'description') return this.tagIsComponent;
    if (name === 'value' && element === 'input') return BUTTON_INPUT_TYPES.has(valueOf('type') ?? '');
    return false;
  }

  /** An attribute value as a unit of its own: its text and character references, without expressions. */
  private addAttributeValue(attribute: Attribute): void {
    const unit = new UnitBuilder(this.text);
    const references = attribute.references;
    let pos = attribute.valueStart;
    for (let i = 0; i <= references.length; i += 3) {
      const stop = i < references.length ? references[i]! : attribute.valueEnd;
      if (stop > pos) this.addAttributeText(unit, pos, stop);
      if (i === references.length) break;
      const end = references[i + 1]!;
      addCharacterReference(unit, this.text, references[i]!, end, references[i + 2]!);
      pos = end;
    }
    unit.finish(this.units);
  }

  private addAttributeText(unit: UnitBuilder, start: number, end: number): void {
    if (this.dialect.expressions !== 'braces') {
      unit.addText(start, end);
      return;
    }
    // Svelte attribute values may hold `{expressions}`; each stands for a word.
    const text = this.text;
    let from = start;
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) !== 123) continue;
      unit.addText(from, i);
      let depth = 0;
      let j = i;
      for (; j < end; j++) {
        const c = text.charCodeAt(j);
        if (c === 123) depth++;
        else if (c === 125 && --depth === 0) break;
      }
      const close = Math.min(end, j + 1);
      unit.addOpaque(i, close);
      from = close;
      i = close - 1;
    }
    if (from < end) unit.addText(from, end);
  }
}

function isAllBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Fills in where each character reference of an attribute value starts and
 * ends: a reference starts with its `&` and ends where the next data or
 * reference starts, or at the end of the value.
 */
function resolveReferences(text: string, attribute: Attribute): void {
  const references = attribute.references;
  for (let i = references.length - 3; i >= 0; i -= 3) {
    const nextStart = i + 3 < references.length ? references[i + 3]! : attribute.valueEnd;
    if (references[i + 1] === -1) references[i + 1] = nextStart;
    const end = references[i + 1]!;
    const amp = text.lastIndexOf('&', end - 1);
    references[i] = amp >= attribute.valueStart ? amp : attribute.valueStart;
  }
}
