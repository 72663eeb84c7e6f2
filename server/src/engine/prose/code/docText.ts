/**
 * The prose of comments and docstrings. A comment's lines (markers and
 * decorations such as `//`, `#` and ` * ` already cut off) are read in
 * paragraphs: a blank line, a documentation tag (`@param`, `:returns:`, a
 * docstring section header such as `Args:`) and a code fence end a unit.
 *
 * Inline: `` `code` ``, ``` ``code`` ```, roles (`:func:`x``), URLs,
 * `{@link X}` and XML or HTML tags (`<c>x</c>`, `<see cref="X"/>`) are not
 * prose; a tag's type and parameter name are not either.
 */
import type { ProseUnit } from '../prose';
import { MARKUP, OPAQUE, SPACE, emitUnit } from '../shared/marks';
import { RstInline } from '../rst/inline';
import { isBlank } from '../shared/unitBuilder';

/** Tags followed by a type, a name, then prose (`@param {string} name - what it is`). */
const NAMED_TAGS = new Set(
  'param arg argument prop property template typeparam typedef callback throws throw exception field member event fires emits'.split(' '),
);
/** Tags followed by an optional type, then prose (`@returns {number} the count`). */
const PROSE_TAGS = new Set('returns return deprecated remarks summary description desc note todo yields yield'.split(' '));
/** Tags whose following lines are code. */
const CODE_TAGS = new Set(['example', 'code', 'snippet']);

/** Comments that instruct a tool rather than tell a reader anything. */
const TOOL_DIRECTIVE =
  /^(?:eslint|eslint-disable|eslint-enable|prettier-ignore|@ts-|istanbul |c8 |v8 |jshint|jscs|tslint|global |noqa|type:|pylint:|mypy:|pyright:|fmt:|isort:|nolint|nosec|NOSONAR|#?region\b|#?endregion\b|pragma|webpack|@vite-|@jsx|@refresh|-\*-|!\/|rubocop:|frozen_string_literal|shellcheck|swiftlint|clang-format|cspell|spell-checker|coverage:|nocov|NOLINT|go:|\+build|lint:|@generated|<reference)/;

/** Docstring section headers (Google and NumPy style) whose entries start with a name. */
const NAMED_SECTIONS = new Set([
  'args',
  'arguments',
  'parameters',
  'params',
  'keyword args',
  'keyword arguments',
  'other parameters',
  'attributes',
  'raises',
  'exceptions',
  'yields',
  'returns',
  'return',
  'methods',
]);
const CODE_SECTIONS = new Set(['example', 'examples']);
const SECTION_HEADER = /^([A-Z][A-Za-z]*(?: [A-Za-z]+)?):?$/;
const FIELD =
  /^:(?:param|parameter|arg|argument|key|keyword|type|raises?|except|exception|var|ivar|cvar|vartype|returns?|rtype|yields?)\b[^:]*:\s*/;
const NAMED_ENTRY = /^\*{0,2}[\w.]+(?:\s*\([^)]*\))?\s*:\s+/;
const INLINE_TAG = /\{@\w+[^}]*\}/g;
/** XML documentation elements that start a new part of the documentation (C#'s `<param>`, `<returns>`). */
const XML_SECTION = /^<(?:summary|param|typeparam|returns|value|remarks|exception|example|seealso|para)\b/;
const MARKUP_TAG = /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/g;
const OPAQUE_ELEMENT = /<(c|code|tt|kbd|pre)(?:\s[^<>]*)?>[\s\S]*?<\/\1>|<(?:see|seealso|paramref|typeparamref|inheritdoc)\b[^<>]*\/>/g;

/** True when the comment's first words are a tool's instruction (`eslint-disable`, `noqa`, `#region`). */
export function isToolDirective(firstLine: string): boolean {
  return TOOL_DIRECTIVE.test(firstLine.trimStart());
}

export class DocTextReader {
  private readonly inline = new RstInline();
  private unitStart = -1;
  private unitEnd = -1;
  private gaps: number[] = [];

  constructor(private readonly text: string) {}

  /**
   * Reads lines `[lines[i], lines[i + 1])` (pairs, in source order) as units
   * added to `units`. `docstring` turns on Python docstring sections and fields.
   */
  read(lines: readonly number[], units: ProseUnit[], docstring: boolean): void {
    const text = this.text;
    let inCode = false;
    let section = '';
    for (let i = 0; i < lines.length; i += 2) {
      let start = lines[i]!;
      const end = lines[i + 1]!;
      while (start < end && isBlank(text.charCodeAt(start))) start++;
      const line = text.slice(start, end);
      if (line.startsWith('```') || line.startsWith('~~~')) {
        this.finish(units);
        inCode = !inCode;
        continue;
      }
      if (inCode) continue;
      if (line.length === 0) {
        this.finish(units);
        if (section !== '' && CODE_SECTIONS.has(section)) section = '';
        continue;
      }
      if (line.startsWith('>>>') || line.startsWith('... ') || /^[-=~^]{3,}$/.test(line)) {
        this.finish(units);
        continue;
      }
      if (XML_SECTION.test(line)) this.finish(units);
      if (line.charCodeAt(0) === 64) {
        // A documentation tag starts a unit of its own.
        this.finish(units);
        const proseStart = this.tagProseStart(start, end);
        inCode = false;
        if (proseStart < 0) {
          if (CODE_TAGS.has(/^@(\w+)/.exec(line)?.[1] ?? '')) section = 'example';
          continue;
        }
        section = '';
        this.add(proseStart, end);
        continue;
      }
      if (section === 'example') continue;
      if (docstring) {
        const header = SECTION_HEADER.exec(line);
        const next = i + 2 < lines.length ? text.slice(lines[i + 2], lines[i + 3]).trim() : '';
        if (header && (line.endsWith(':') || /^[-=]{3,}$/.test(next))) {
          this.finish(units);
          section = header[1]!.toLowerCase();
          continue;
        }
        if (CODE_SECTIONS.has(section)) continue;
        const field = FIELD.exec(line) ?? (NAMED_SECTIONS.has(section) && start > lines[i]! ? NAMED_ENTRY.exec(line) : null);
        if (field) {
          this.finish(units);
          start += field[0].length;
        }
      }
      this.add(start, end);
    }
    this.finish(units);
  }

  /** Where the prose of the tag line `[start, end)` starts, or -1 when the tag holds none. */
  private tagProseStart(start: number, end: number): number {
    const line = this.text.slice(start, end);
    const tag = /^@(\w+)\s*/.exec(line);
    if (!tag) return -1;
    const name = tag[1]!.toLowerCase();
    if (!NAMED_TAGS.has(name) && !PROSE_TAGS.has(name)) return -1;
    let at = tag[0].length;
    const type = /^\{(?:[^{}]|\{[^{}]*\})*\}\s*/.exec(line.slice(at));
    if (type) at += type[0].length;
    if (NAMED_TAGS.has(name)) {
      const parameter = /^(?:\[[^\]]*\]|[\w$.]+)\s*(?:-\s+)?/.exec(line.slice(at));
      if (parameter) at += parameter[0].length;
    }
    return at < line.length ? start + at : -1;
  }

  /** Adds the line `[start, end)` to the current unit. */
  private add(start: number, end: number): void {
    if (this.unitStart < 0) this.unitStart = start;
    else this.gaps.push(this.unitEnd, start);
    this.unitEnd = end;
  }

  private finish(units: ProseUnit[]): void {
    if (this.unitStart < 0) return;
    const text = this.text;
    const start = this.unitStart;
    const end = this.unitEnd;
    const inline = this.inline;
    inline.scan(text, start, end);
    const marks = inline.marks;
    // What lies between the unit's lines is comment markers and decoration.
    for (let i = 0; i < this.gaps.length; i += 2) marks.add(this.gaps[i]!, this.gaps[i + 1]!, SPACE);
    const slice = text.slice(start, end);
    if (slice.includes('<') || slice.includes('{@')) {
      for (const pattern of [OPAQUE_ELEMENT, INLINE_TAG]) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) marks.add(start + m.index, start + m.index + m[0].length, OPAQUE);
      }
      MARKUP_TAG.lastIndex = 0;
      for (let m = MARKUP_TAG.exec(slice); m; m = MARKUP_TAG.exec(slice)) marks.add(start + m.index, start + m.index + m[0].length, MARKUP);
    }
    emitUnit(text, start, end, marks, units);
    this.unitStart = this.unitEnd = -1;
    this.gaps = [];
  }
}
