/**
 * JSON: the prose of locale files (`en.json`: string values are messages,
 * keys are not), and a small lenient parser that keeps every string's
 * source range, for readers of JSON containers such as notebooks.
 */
import type { CommentSpan, ProseBlock, ProseUnit } from '../prose';
import { lineEndAt } from '../shared/lines';
import { UnitBuilder, isBlank } from '../shared/unitBuilder';
import { addStringText, type StringSyntax } from './stringText';

const JSON_STRING: StringSyntax = { backslash: true, placeholders: true };

/** The end of the JSON string whose opening quote is at `at`: after its closing quote, or at the line end when unclosed. */
export function jsonStringEnd(text: string, at: number): number {
  for (let j = at + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j + 1;
    else if (c === 10 || c === 13) return j;
  }
  return text.length;
}

/**
 * Cuts a JSON (or JSONC) locale file into blocks, one per line (a block
 * comment spanning lines stays in one), with each string value a unit: its
 * escapes and placeholders (`{name}`, `{{name}}`, `%s`, `%{name}`) are mapped
 * to exact ranges. A string followed by `:` is a key and not prose.
 * Comments (`//`, `/* *\/`) are reported, for suppression directives.
 *
 * `from` must be 0 or the `start` of a block this function yielded for the
 * same text; scanning from there yields exactly the blocks a full scan
 * yields from that point on. Never throws; linear in the length of the text.
 */
export function* scanJsonBlocks(text: string, from = 0): Generator<ProseBlock> {
  const len = text.length;
  let pos = from > 0 ? (from < len ? from : len) : 0;
  let start = pos;
  let units: ProseUnit[] = [];
  let comments: CommentSpan[] = [];
  while (pos < len) {
    const c = text.charCodeAt(pos);
    if (c === 10 && pos + 1 < len) {
      yield { start, end: pos + 1, units, comments };
      units = [];
      comments = [];
      start = pos = pos + 1;
      continue;
    }
    if (c === 34) {
      const end = jsonStringEnd(text, pos);
      const closed = text.charCodeAt(end - 1) === 34 && end - 1 > pos;
      const contentEnd = closed ? end - 1 : end;
      if (!isFollowedByColon(text, end)) {
        const unit = new UnitBuilder(text);
        addStringText(unit, text, pos + 1, contentEnd, JSON_STRING);
        unit.finish(units);
      }
      pos = end;
      continue;
    }
    if (c === 47 && text.charCodeAt(pos + 1) === 47) {
      const end = lineEndAt(text, pos);
      comments.push({ start: pos, end, body: text.slice(pos + 2, end).trim() });
      pos = end;
      continue;
    }
    if (c === 47 && text.charCodeAt(pos + 1) === 42) {
      const close = text.indexOf('*/', pos + 2);
      const end = close < 0 ? len : close + 2;
      comments.push({ start: pos, end, body: text.slice(pos + 2, close < 0 ? len : close).trim() });
      pos = end;
      continue;
    }
    pos++;
  }
  if (len > start) yield { start, end: len, units, comments };
}

function isFollowedByColon(text: string, from: number): boolean {
  let p = from;
  while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  return text.charCodeAt(p) === 58;
}

/** A JSON value with its source range; a string's range is its content, without the quotes. */
export type JsonNode =
  | {
      readonly kind: 'object';
      readonly start: number;
      readonly end: number;
      readonly entries: readonly (readonly [JsonString, JsonNode])[];
    }
  | { readonly kind: 'array'; readonly start: number; readonly end: number; readonly items: readonly JsonNode[] }
  | JsonString
  | { readonly kind: 'other'; readonly start: number; readonly end: number };

export interface JsonString {
  readonly kind: 'string';
  readonly start: number;
  readonly end: number;
}

/** Nesting deeper than this is skipped, which keeps the parser's stack small. */
const MAX_DEPTH = 256;

/**
 * Parses `text` as JSON, leniently: it never throws, and what it cannot read
 * (a syntax error, nesting deeper than it goes) ends the value it was in.
 */
export function parseJson(text: string): JsonNode | undefined {
  return new JsonCursor(text).value(0);
}

/**
 * The lenient parser, at a position of the text: `parseJson` is
 * `new JsonCursor(text).value(0)`. A reader that walks a container's
 * structure itself (a notebook's cells, one at a time) parses each value
 * with it at the depth `parseJson` would reach it, and so reads each value
 * as `parseJson` does.
 */
export class JsonCursor {
  constructor(
    private readonly text: string,
    /** Where the next value is read from. */
    public pos = 0,
  ) {}

  /** Moves past blank characters (as the parser reads them: line breaks and Unicode spaces too). */
  skipBlanks(): void {
    const text = this.text;
    while (this.pos < text.length && isBlank(text.charCodeAt(this.pos))) this.pos++;
  }

  /** Reads the value at `pos` (after blanks), nested `depth` deep; undefined when none starts there. */
  value(depth: number): JsonNode | undefined {
    this.skipBlanks();
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === 34) {
      const end = jsonStringEnd(text, start);
      this.pos = end;
      return { kind: 'string', start: start + 1, end: text.charCodeAt(end - 1) === 34 && end - 1 > start ? end - 1 : end };
    }
    if (c === 123 || c === 91) {
      if (depth >= MAX_DEPTH) return this.skipNested(start);
      return c === 123 ? this.object(depth) : this.array(depth);
    }
    while (this.pos < text.length && !',}]'.includes(text[this.pos]!) && !isBlank(text.charCodeAt(this.pos))) this.pos++;
    return this.pos > start ? { kind: 'other', start, end: this.pos } : undefined;
  }

  private object(depth: number): JsonNode {
    const text = this.text;
    const start = this.pos++;
    const entries: [JsonString, JsonNode][] = [];
    for (;;) {
      this.skipBlanks();
      if (this.pos >= text.length) break;
      const c = text.charCodeAt(this.pos);
      if (c === 125) {
        this.pos++;
        break;
      }
      if (c === 44) {
        this.pos++;
        continue;
      }
      const key = this.value(depth + 1);
      if (!key || key.kind !== 'string') break;
      this.skipBlanks();
      if (text.charCodeAt(this.pos) !== 58) break;
      this.pos++;
      const value = this.value(depth + 1);
      if (!value) break;
      entries.push([key, value]);
    }
    return { kind: 'object', start, end: this.pos, entries };
  }

  private array(depth: number): JsonNode {
    const text = this.text;
    const start = this.pos++;
    const items: JsonNode[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.pos >= text.length) break;
      const c = text.charCodeAt(this.pos);
      if (c === 93) {
        this.pos++;
        break;
      }
      if (c === 44) {
        this.pos++;
        continue;
      }
      const item = this.value(depth + 1);
      if (!item) break;
      items.push(item);
    }
    return { kind: 'array', start, end: this.pos, items };
  }

  /** Skips a value nested too deep to parse, strings honoured. */
  private skipNested(start: number): JsonNode {
    const text = this.text;
    let depth = 0;
    for (let j = start; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 34) j = jsonStringEnd(text, j) - 1;
      else if (c === 123 || c === 91) depth++;
      else if ((c === 125 || c === 93) && --depth === 0) {
        this.pos = j + 1;
        return { kind: 'other', start, end: this.pos };
      }
    }
    this.pos = text.length;
    return { kind: 'other', start, end: this.pos };
  }
}

/** The value of `key` in `node` when it is an object. */
export function jsonMember(text: string, node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined;
  for (const [name, value] of node.entries) if (text.slice(name.start, name.end) === key) return value;
  return undefined;
}
