/**
 * AsciiDoc prose extraction.
 *
 * A line-oriented block parser after Asciidoctor's rules: paragraphs end at
 * blank lines, block attribute lines and delimiter lines; a delimited block's
 * content runs to the first line equal to its opening delimiter and is then
 * parsed on its own, as Asciidoctor does. Inline markup is marked by
 * {@link AsciiDocInline}.
 *
 * Prose: paragraphs, section and block titles, list items and description
 * list terms, admonitions, table cells, and the content of examples,
 * sidebars, quotes and open blocks. Not prose: document attributes
 * (`:name: value`) and the header's author and revision lines, listing
 * (`----`), literal (`....` and indented paragraphs), passthrough (`++++`)
 * and fenced code blocks, blocks styled `[source]`, `[literal]`, `[pass]`,
 * `[stem]` or `[comment]`, comment blocks (`////`) and line comments (`//`);
 * comments are reported for `// termguard-disable…` directives.
 */
import type { CommentSpan, ProseBlock, ProseUnit } from '../prose';
import { emitUnit } from '../shared/marks';
import { isBlankRange, lineEndAt, nextLineAt, skipBlanks, trimEnd } from '../shared/lines';
import { AsciiDocInline } from './inline';

const BLOCK_ATTRIBUTES = /^\[(?:|[\p{L}\p{N}_.#%{,"'].*)\]$/u;
const BLOCK_TITLE = /^\.\.?[^ \t.]/;
const ATTRIBUTE_ENTRY = /^:!?[\p{L}\p{N}_][\p{L}\p{N}_-]*!?:(?:[ \t]|$)/u;
const SECTION_TITLE = /^(={1,6}|#{1,6})[ \t]+\S/;
const DELIMITER = /^(?:-{4,}|\.{4,}|\+{4,}|\/{4,}|={4,}|\*{4,}|_{4,}|--|""|[|,:!]={3,}|`{3}[\w+-]*)$/;
const BREAK = /^(?:'{3,}|<{3,}|(?:-[ \t]*){3}|(?:\*[ \t]*){3}|(?:_[ \t]*){3})$/;
const LIST_ITEM = /^[ \t]*(?:\*{1,5}|-|\.{1,5}|\d{1,9}\.|[a-zA-Z]\.|[ivxIVX]{1,6}\)|<(?:\d{1,3}|\.)>)[ \t]+(?:\[[ xX*]\][ \t]+)?(?=\S)/;
const DESCRIPTION_ITEM = /^[ \t]*([^ \t].*?)(?::{2,4}|;;)(?:[ \t]+|$)/;
const ADMONITION = /^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+/;
const BLOCK_MACRO = /^([a-z][\w-]*)::(\S*?)\[(.*)\]$/;
const SETEXT_UNDERLINE = /^(?:=+|-+|~+|\^+|\++)$/;
const SETEXT_TITLE = /^[\p{L}\p{N}_]/u;

/** Block styles whose content is not prose. */
const VERBATIM_STYLES = new Set([
  'source',
  'listing',
  'literal',
  'pass',
  'stem',
  'latexmath',
  'asciimath',
  'comment',
  'mermaid',
  'plantuml',
  'graphviz',
  'ditaa',
]);

/** Delimited blocks deeper than this are read as verbatim, which keeps hostile nesting linear. */
const MAX_DEPTH = 32;

/** The style a block attribute line gives: its first positional attribute (`source` in `[source,ruby]`). */
function styleOf(line: string): string {
  const inner = line.slice(1, -1);
  if (inner.startsWith('[') || inner.startsWith('#') || inner.startsWith('.') || inner.startsWith('%')) return '';
  const first = inner.split(',')[0]!.trim();
  if (first.includes('=')) return '';
  return first.replace(/[#.%].*$/, '').toLowerCase();
}

function isCommentLine(line: string): boolean {
  return line.startsWith('//') && (line.length === 2 || line.charCodeAt(2) !== 47);
}

class AsciiDocParser {
  units: ProseUnit[] = [];
  comments: CommentSpan[] = [];
  private readonly inline = new AsciiDocInline();

  constructor(private readonly text: string) {}

  /** The line at `pos` without trailing blanks. */
  private line(pos: number): string {
    return this.text.slice(pos, trimEnd(this.text, pos, lineEndAt(this.text, pos)));
  }

  private next(pos: number): number {
    return nextLineAt(this.text, lineEndAt(this.text, pos));
  }

  private isBlankLine(pos: number): boolean {
    return isBlankRange(this.text, pos, lineEndAt(this.text, pos));
  }

  /** The first non-blank line at or after `pos`, or `limit`. */
  skipBlankLines(pos: number, limit: number): number {
    while (pos < limit && this.isBlankLine(pos)) pos = this.next(pos);
    return pos;
  }

  /** Adds `[start, end)` as a unit, with its inline markup removed and its footnotes as units of their own. */
  private unit(start: number, end: number): void {
    const inline = this.inline;
    inline.scan(this.text, start, end);
    const footnotes = [...inline.footnotes];
    emitUnit(this.text, start, end, inline.marks, this.units);
    for (let i = 0; i < footnotes.length; i += 2) this.unit(footnotes[i]!, footnotes[i + 1]!);
  }

  private comment(start: number, end: number, body: string): void {
    this.comments.push({ start, end, body: body.trim() });
  }

  /** Parses blocks in `[pos, limit)`. */
  blocks(pos: number, limit: number, depth: number): void {
    for (pos = this.skipBlankLines(pos, limit); pos < limit; pos = this.skipBlankLines(pos, limit)) pos = this.block(pos, limit, depth);
  }

  /**
   * Parses the block at `pos` (a non-blank line), with the attribute lines
   * and the title before it; returns where it ends (before the blank lines after it).
   */
  block(pos: number, limit: number, depth: number): number {
    let style = '';
    for (;;) {
      const line = this.line(pos);
      if (isCommentLine(line)) {
        this.comment(pos, pos + line.length, line.slice(2));
        return this.next(pos);
      }
      if (BLOCK_ATTRIBUTES.test(line)) style = styleOf(line) || style;
      else if (BLOCK_TITLE.test(line) && !DELIMITER.test(line) && !LIST_ITEM.test(line)) this.unit(pos + 1, pos + line.length);
      else return this.leaf(pos, limit, depth, style);
      pos = this.skipBlankLines(this.next(pos), limit);
      if (pos >= limit) return pos;
    }
  }

  private leaf(pos: number, limit: number, depth: number, style: string): number {
    const text = this.text;
    const line = this.line(pos);
    if (DELIMITER.test(line)) return this.delimited(pos, limit, depth, line, style);
    if (ATTRIBUTE_ENTRY.test(line)) return this.attributeEntry(pos, limit);
    const section = SECTION_TITLE.exec(line);
    if (section) return this.sectionTitle(pos, limit, line, section[1]!.length);
    if (SETEXT_TITLE.test(line) && this.next(pos) < limit) {
      const underline = this.line(this.next(pos));
      if (SETEXT_UNDERLINE.test(underline) && underline.length >= 2 && Math.abs(underline.length - [...line].length) <= 1) {
        this.unit(pos, pos + line.length);
        return this.next(this.next(pos));
      }
    }
    if (BREAK.test(line) || line === '+') return this.next(pos);
    const macro = BLOCK_MACRO.exec(line);
    if (macro) {
      // `image::file.png[Alt text, 200]`: the alt text is prose; other block macros show none.
      const attributes = macro[3]!;
      const alt = attributes.split(',')[0]!;
      if (macro[1] === 'image' && alt.trim().length > 0 && !alt.includes('=')) {
        const start = pos + line.length - 1 - attributes.length;
        this.unit(start, start + alt.length);
      }
      return this.next(pos);
    }
    const item = LIST_ITEM.exec(line);
    if (item) return this.paragraph(pos + item[0].length, pos, limit, style, true);
    const term = DESCRIPTION_ITEM.exec(line);
    if (term) {
      const termStart = skipBlanks(text, pos, pos + line.length);
      this.unit(termStart, termStart + term[1]!.length);
      const rest = pos + term[0].length;
      if (rest < pos + line.length) return this.paragraph(rest, pos, limit, style, true);
      const following = this.next(pos);
      if (following < limit && !this.isBlankLine(following) && !this.endsParagraph(following, true))
        return this.paragraph(skipBlanks(text, following, lineEndAt(text, following)), following, limit, style, true);
      return following;
    }
    if (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9) return this.paragraph(pos, pos, limit, 'literal', false);
    const admonition = ADMONITION.exec(line);
    return this.paragraph(pos + (admonition ? admonition[0].length : 0), pos, limit, style, false);
  }

  /** True when the line at `pos` cannot continue a paragraph. */
  private endsParagraph(pos: number, inList: boolean): boolean {
    const line = this.line(pos);
    if (line.length === 0 || line === '+' || BLOCK_ATTRIBUTES.test(line) || DELIMITER.test(line)) return true;
    return inList && (LIST_ITEM.test(line) || DESCRIPTION_ITEM.test(line));
  }

  /**
   * A paragraph whose prose starts at `start` on the line at `pos`. Line
   * comments inside it are left out; a verbatim style makes it no prose.
   */
  private paragraph(start: number, pos: number, limit: number, style: string, inList: boolean): number {
    const text = this.text;
    let end = trimEnd(text, pos, lineEndAt(text, pos));
    const inner: number[] = [];
    for (pos = this.next(pos); pos < limit && !this.endsParagraph(pos, inList); pos = this.next(pos)) {
      const line = this.line(pos);
      if (isCommentLine(line)) {
        this.comment(pos, pos + line.length, line.slice(2));
        inner.push(pos, pos + line.length);
        continue;
      }
      end = pos + line.length;
    }
    if (style === 'comment') this.comment(start, end, text.slice(start, end));
    else if (!VERBATIM_STYLES.has(style)) {
      const inline = this.inline;
      inline.scan(text, start, end);
      for (let i = 0; i < inner.length; i += 2) inline.marks.add(inner[i]!, inner[i + 1]!, 0);
      const footnotes = [...inline.footnotes];
      emitUnit(text, start, end, inline.marks, this.units);
      for (let i = 0; i < footnotes.length; i += 2) this.unit(footnotes[i]!, footnotes[i + 1]!);
    }
    return pos;
  }

  /** `:name: value`, continued on the next line when the value ends with ` \`. */
  private attributeEntry(pos: number, limit: number): number {
    let line = this.line(pos);
    pos = this.next(pos);
    while (line.endsWith(' \\') && pos < limit) {
      line = this.line(pos);
      pos = this.next(pos);
    }
    return pos;
  }

  /** A section title; a level-0 title's header lines after it (author, revision, attributes) are no prose. */
  private sectionTitle(pos: number, limit: number, line: string, level: number): number {
    const text = this.text;
    const start = skipBlanks(text, pos + level, pos + line.length);
    let end = pos + line.length;
    // Closing markers (`== Title ==`) are markup.
    const marker = line.slice(0, level);
    if (line.endsWith(' ' + marker)) end = trimEnd(text, start, end - level);
    this.unit(start, end);
    pos = this.next(pos);
    if (level !== 1) return pos;
    for (; pos < limit && !this.isBlankLine(pos); pos = this.next(pos)) {
      const header = this.line(pos);
      if (isCommentLine(header)) this.comment(pos, pos + header.length, header.slice(2));
    }
    return pos;
  }

  /** A delimited block from its opening line at `pos` to its closing line (or the limit). */
  private delimited(pos: number, limit: number, depth: number, delimiter: string, style: string): number {
    const contentStart = this.next(pos);
    const fence = delimiter.startsWith('```') ? '```' : delimiter;
    let close = contentStart;
    while (close < limit && this.line(close) !== fence) close = this.next(close);
    const end = close < limit ? this.next(close) : limit;
    const kind = delimiter.charCodeAt(0);
    if (kind === 124 || kind === 44 || kind === 58 || kind === 33) this.table(contentStart, close, kind);
    else if (kind === 47 || style === 'comment')
      this.comment(pos, close < limit ? close + fence.length : limit, this.text.slice(contentStart, close));
    else if (kind === 45 && delimiter.length > 2) {
      // a listing block: never prose
    } else if (kind === 46 || kind === 43 || kind === 96) {
      // literal, passthrough and fenced code blocks: never prose
    } else if (!VERBATIM_STYLES.has(style) && depth < MAX_DEPTH) this.blocks(contentStart, close, depth + 1);
    return end;
  }

  /**
   * A table's cells, each a unit. PSV cells start at `|` (after an optional
   * cell spec such as `2+a`); CSV and DSV cells end at `,` or `:` and at line
   * ends. Literal (`l`) and monospace (`m`) cells are no prose.
   */
  private table(start: number, end: number, separator: number): void {
    const text = this.text;
    const lineCells = separator !== 124 && separator !== 33;
    let cellStart = lineCells ? start : -1;
    let cellStyle = '';
    const finish = (cellEnd: number): void => {
      if (cellStart >= 0 && cellEnd > cellStart && cellStyle !== 'l' && cellStyle !== 'm') this.unit(cellStart, cellEnd);
    };
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        i++;
        continue;
      }
      if (lineCells && (c === 10 || c === 13)) {
        finish(i);
        cellStart = i + 1;
        continue;
      }
      if (c !== separator) continue;
      const spec = lineCells ? i : cellSpecStart(text, i);
      finish(spec);
      cellStyle = lineCells ? '' : (/[adehlmsv]$/.exec(text.slice(spec, i))?.[0] ?? '');
      cellStart = i + 1;
    }
    finish(end);
  }
}

const CELL_SPEC = /^(?:\d+\*)?(?:\d+(?:\.\d+)?\+|\.\d+\+)?[<^>]?(?:\.[<^>])?[adehlmsv]?$/;

/** Where the cell spec before the `|` at `bar` starts (`2+a|`), or `bar` when there is none. */
function cellSpecStart(text: string, bar: number): number {
  let j = bar;
  while (j > 0 && j > bar - 16 && '0123456789.*+<^>adehlmsv'.includes(text[j - 1]!)) j--;
  if (j === bar) return bar;
  const before = j > 0 ? text.charCodeAt(j - 1) : 10;
  if (before !== 32 && before !== 9 && before !== 10 && before !== 13) return bar;
  return CELL_SPEC.test(text.slice(j, bar)) ? j : bar;
}

/**
 * Cuts an AsciiDoc document into top-level blocks with their prose.
 *
 * Yields blocks that tile `text` from `from` to `text.length`. A top-level
 * block is a paragraph, a list item, a section title, a delimited block with
 * all it holds, a table, an attribute entry, a comment or a block macro,
 * together with the attribute lines and title above it and the blank lines
 * after it; blank lines at the very start form a block of their own. An
 * unclosed delimited block runs to the end of the document.
 *
 * `from` must be 0 or the `start` of a block this function yielded for the
 * same text; scanning from there yields exactly the blocks a full scan yields
 * from that point on, because each block is parsed without looking at
 * anything before it. Never throws; runs in time linear in the length of the text.
 */
export function* scanAsciiDocBlocks(text: string, from = 0): Generator<ProseBlock> {
  const len = text.length;
  let pos = from > 0 ? (from < len ? from : len) : 0;
  const parser = new AsciiDocParser(text);
  const leading = parser.skipBlankLines(pos, len);
  if (leading > pos) {
    yield { start: pos, end: leading, units: [], comments: [] };
    pos = leading;
  }
  while (pos < len) {
    parser.units = [];
    parser.comments = [];
    let end = parser.skipBlankLines(parser.block(pos, len, 0), len);
    // cannot happen (every block reads its first line); guarantees progress if it ever did
    if (end <= pos) end = nextLineAt(text, lineEndAt(text, pos));
    yield { start: pos, end, units: parser.units, comments: parser.comments };
    pos = end;
  }
}
