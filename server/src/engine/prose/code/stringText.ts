/**
 * The text of a string literal as prose, with exact ranges: escape sequences
 * and format placeholders are mapped onto what the word tokenizer would make
 * of what they stand for, using characters of the source (as character
 * references are in HTML).
 */
import { UnitBuilder, isBlank } from '../shared/unitBuilder';

/** How a language writes string contents. */
export interface StringSyntax {
  /** Backslash escapes (`\n`, `\"`, `\u00e9`). */
  readonly backslash: boolean;
  /** A quote written twice stands for one (`""` in C# verbatim strings, `''` in YAML). */
  readonly doubledQuote?: number;
  /** Format placeholders (`%s`, `%(name)s`, `{0}`, `{name}`, `{{name}}`) stand for a word. */
  readonly placeholders: boolean;
}

const PERCENT_PLACEHOLDER =
  /%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?:hh?|ll?|[Lqjzt])?[sdifuxXoeEgGcpb@]|%\([\w.]+\)[-+#0]*\d*(?:\.\d+)?[sdifrxXoeEgGc]|%\{[\w.]+\}/y;

/** Escapes that stand for whitespace. */
const SPACE_ESCAPES = new Set('nrtfvb0ae'.split(''));

function isWordCharacter(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 95;
  return code > 0xbf && !(code >= 0x2000 && code <= 0x206f) && !(code >= 0x3000 && code <= 0x303f);
}

/** The code point of a `\u`, `\x` or `\U` escape starting at `at` (the backslash), and where it ends; undefined if malformed. */
function numericEscape(text: string, at: number, end: number): { codePoint: number; end: number } | undefined {
  const kind = text[at + 1];
  const pattern =
    kind === 'u'
      ? text[at + 2] === '{'
        ? /\{([0-9a-fA-F]{1,6})\}/y
        : /([0-9a-fA-F]{4})/y
      : kind === 'x'
        ? /([0-9a-fA-F]{2})/y
        : kind === 'U'
          ? /([0-9a-fA-F]{8})/y
          : undefined;
  if (!pattern) return undefined;
  pattern.lastIndex = at + 2;
  const digits = pattern.exec(text);
  if (!digits || pattern.lastIndex > end) return undefined;
  return { codePoint: parseInt(digits[1]!, 16), end: pattern.lastIndex };
}

/** Adds an escape sequence starting at `at` to the unit; returns where it ends. */
function addEscape(unit: UnitBuilder, text: string, at: number, end: number): number {
  const next = text[at + 1];
  if (next === undefined || at + 1 >= end) return at + 1;
  const code = text.charCodeAt(at + 1);
  if (code === 10 || code === 13) {
    // A line continuation: the string goes on without a break.
    return code === 13 && text.charCodeAt(at + 2) === 10 ? at + 3 : at + 2;
  }
  const numeric = numericEscape(text, at, end);
  if (numeric) {
    if (isBlank(numeric.codePoint)) unit.separate();
    else if (isWordCharacter(numeric.codePoint)) unit.addOpaque(at, numeric.end);
    else unit.addText(at, at + 1);
    return numeric.end;
  }
  if (SPACE_ESCAPES.has(next)) {
    unit.separate();
    return at + 2;
  }
  // `\"`, `\'`, `\\`: the escaped character itself reads as what it is.
  if (!isWordCharacter(code)) unit.addText(at + 1, at + 2);
  else unit.addOpaque(at, at + 2);
  return at + 2;
}

/** A `{...}` placeholder starting at `at`: balanced braces on one line; returns its end, or -1. */
function bracePlaceholder(text: string, at: number, end: number): number {
  let depth = 0;
  for (let i = at; i < end && i < at + 200; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return -1;
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i + 1;
  }
  return -1;
}

/** Adds the string contents `[start, end)` of `text` to `unit`. */
export function addStringText(unit: UnitBuilder, text: string, start: number, end: number, syntax: StringSyntax): void {
  let run = start;
  for (let i = start; i < end;) {
    const c = text.charCodeAt(i);
    if (c === 92 && syntax.backslash) {
      unit.addText(run, i);
      i = run = addEscape(unit, text, i, end);
      continue;
    }
    if (c === syntax.doubledQuote && text.charCodeAt(i + 1) === c) {
      unit.addText(run, i + 1);
      i = run = i + 2;
      continue;
    }
    if (syntax.placeholders && c === 37) {
      PERCENT_PLACEHOLDER.lastIndex = i;
      if (PERCENT_PLACEHOLDER.test(text) && PERCENT_PLACEHOLDER.lastIndex <= end) {
        unit.addText(run, i);
        unit.addOpaque(i, PERCENT_PLACEHOLDER.lastIndex);
        i = run = PERCENT_PLACEHOLDER.lastIndex;
        continue;
      }
    }
    if (syntax.placeholders && c === 123) {
      const close = bracePlaceholder(text, i, end);
      if (close > 0) {
        unit.addText(run, i);
        unit.addOpaque(i, close);
        i = run = close;
        continue;
      }
    }
    i++;
  }
  unit.addText(run, end);
}

/** `content` with placeholders and interpolations replaced by a plain word, for judging whether it reads as prose. */
export function withoutPlaceholders(content: string): string {
  return content.replace(/\$?\{[^{}\n]*\}|%(?:\([\w.]+\))?[-+#0]*\d*(?:\.\d+)?[sdifxXoeEgGc@]|\\[nrt]/g, (m) =>
    m.startsWith('\\') ? ' ' : 'x',
  );
}
