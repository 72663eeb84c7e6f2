/**
 * A lexer for the code reader: it walks source code token by token, knowing
 * strings, comments, regular expression literals, heredocs and JSX well
 * enough to find where each begins and ends, and turns comments and
 * user-facing strings into prose units.
 *
 * Blocks are cut at line starts where the lexer is in its ground state: not
 * inside a string, comment, heredoc or JSX element, and not in a run of line
 * comments that goes on on the next line. The lexer forgets what came before
 * at every cut (the previous token it uses to tell a regex from a division),
 * so a scan started at a block start is in the same state as a full scan
 * there, which is what makes restarts yield the same blocks.
 */
import type { CommentSpan, ProseBlock, ProseUnit } from '../prose';
import { lineEndAt } from '../shared/lines';
import { UnitBuilder, isBlank } from '../shared/unitBuilder';
import { DocTextReader, isToolDirective } from './docText';
import { JsxReader } from './jsx';
import type { CodeSyntax, StringForm } from './languages';
import { addStringText, withoutPlaceholders } from './stringText';
import { isUserFacing } from './userFacing';

/** Keywords after which an expression (and so a regex or JSX) may start. */
const EXPRESSION_KEYWORDS = new Set(
  'return typeof instanceof in of new delete void throw case do else yield await and or not if unless when while until puts print'.split(
    ' ',
  ),
);

const PREV_NONE = 0;
const PREV_WORD = 1;
const PREV_PUNCT = 2;
const PREV_STRING = 3;

export interface CodeReaderOptions {
  /** Read string literals (and template literals) as prose when they are user-facing. Defaults to true. */
  readonly strings?: boolean;
}

/** A string literal found by {@link CodeLexer.readString}: its content and the expressions inside it. */
export interface StringLiteral {
  readonly start: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly end: number;
  /** `[start, end)` pairs of interpolated expressions inside the content. */
  readonly interpolations: readonly number[];
}

interface PendingHeredoc {
  readonly id: string;
  /** The closing line may be indented (`<<~`, `<<-`). */
  readonly indented: boolean;
  /** Interpolation applies (an unquoted heredoc id). */
  readonly interpolates: boolean;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 36 || c > 0x7f;
}

export class CodeLexer {
  units: ProseUnit[] = [];
  comments: CommentSpan[] = [];
  readonly jsx: JsxReader;
  private readonly doc: DocTextReader;
  private readonly readStrings: boolean;
  /** The previous significant token, for telling a regex from a division and a key from a value. */
  private prevKind = PREV_NONE;
  private prevWord = '';
  private prevPunct = 0;
  /** A run of comment-only lines: its marker, its lines (`[start, end)` pairs) and the end of its last line. */
  private run: { marker: string; lines: number[]; lastLineEnd: number; doc: boolean } | undefined;
  private heredocs: PendingHeredoc[] = [];
  /** The language's string forms by the first character of their opener, longest opener first. */
  private readonly formsByFirstChar: ReadonlyMap<number, readonly StringForm[]>;

  constructor(
    readonly text: string,
    readonly syntax: CodeSyntax,
    options: CodeReaderOptions,
  ) {
    this.readStrings = options.strings !== false;
    this.formsByFirstChar = formsByFirstChar(syntax);
    this.doc = new DocTextReader(text);
    this.jsx = new JsxReader(this);
  }

  /** Yields the blocks of `text` from `from`. */
  *blocks(from: number): Generator<ProseBlock> {
    const text = this.text;
    const len = text.length;
    let blockStart = from;
    let pos = from;
    this.reset();
    if (pos === 0 && text.startsWith('#!')) pos = lineEndAt(text, 0);
    while (pos < len) {
      if (pos > blockStart && text.charCodeAt(pos - 1) === 10) {
        pos = this.lineStart(pos);
        if (pos > blockStart && text.charCodeAt(pos - 1) === 10 && this.atGround(pos)) {
          this.endRun();
          yield this.block(blockStart, pos);
          blockStart = pos;
          this.reset();
        }
        if (pos >= len) break;
      }
      pos = this.jsx.active ? this.jsx.token(pos) : this.token(pos);
    }
    this.endRun();
    this.jsx.end();
    if (len > blockStart) yield this.block(blockStart, len);
  }

  private block(start: number, end: number): ProseBlock {
    const units = this.units;
    // JSX text is finished after the props and strings inside it: hand units out in source order.
    for (let i = 1; i < units.length; i++) {
      if (units[i]!.segments[0]!.start < units[i - 1]!.segments[0]!.start) {
        units.sort((a, b) => a.segments[0]!.start - b.segments[0]!.start);
        break;
      }
    }
    const block = { start, end, units, comments: this.comments };
    this.units = [];
    this.comments = [];
    return block;
  }

  private reset(): void {
    this.prevKind = PREV_NONE;
    this.prevWord = '';
    this.prevPunct = 0;
  }

  /** True at a line start where a fresh scan would be in the same state. */
  private atGround(pos: number): boolean {
    if (this.jsx.active || this.heredocs.length > 0) return false;
    const run = this.run;
    if (run === undefined) return true;
    // A run of line comments goes on when this line is one more of them.
    let p = pos;
    const end = lineEndAt(this.text, pos);
    while (p < end && isBlank(this.text.charCodeAt(p))) p++;
    return !this.text.startsWith(run.marker, p) || !this.isCommentMarkerAt(p);
  }

  /** Work to do at a line start: heredoc bodies, Ruby's `=begin` blocks and `__END__`. */
  private lineStart(pos: number): number {
    const text = this.text;
    if (this.heredocs.length > 0) return this.readHeredocBodies(pos);
    if (this.syntax.heredocs === 'ruby') {
      if (text.startsWith('=begin', pos) && (pos + 6 >= text.length || isBlank(text.charCodeAt(pos + 6))))
        return this.rubyBlockComment(pos);
      if (text.startsWith('__END__', pos) && lineEndAt(text, pos) === pos + 7) return text.length;
    }
    if (this.syntax.preprocessor) {
      let p = pos;
      while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
      if (text.charCodeAt(p) === 35) return lineEndAt(text, p);
    }
    return pos;
  }

  /** Reads one token in code; returns where the next one starts. */
  token(pos: number): number {
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (isBlank(c)) return pos + 1;
    const syntax = this.syntax;
    for (const marker of syntax.lineComments)
      if (text.startsWith(marker, pos) && this.isCommentMarkerAt(pos)) return this.lineComment(pos, marker);
    for (const form of syntax.blockComments)
      if (text.startsWith(form.open, pos)) return this.blockComment(pos, form.open, form.close, form.nests === true);
    const form = this.stringFormAt(pos);
    if (form) return this.stringToken(pos, form);
    if (c === 39 && syntax.rustQuotes) return this.rustQuote(pos);
    if (c === 47 && syntax.regexLiterals && this.expressionMayStart()) return this.regex(pos);
    if (c === 60) {
      if (syntax.jsx && this.expressionMayStart() && this.jsx.startsAt(pos)) return this.jsx.open(pos);
      if (syntax.heredocs && text.charCodeAt(pos + 1) === 60) {
        const after = this.heredocOpener(pos);
        if (after > 0) return after;
      }
    }
    if (c === 37 && syntax.percentLiterals) {
      const after = this.percentLiteral(pos);
      if (after > 0) return after;
    }
    if (isWordChar(c)) {
      let e = pos + 1;
      while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
      this.prevKind = PREV_WORD;
      this.prevWord = text.slice(pos, e);
      return e;
    }
    this.prevKind = PREV_PUNCT;
    this.prevPunct = c;
    return pos + 1;
  }

  /** True when a regex or JSX may start here: at the start, after an operator or opening bracket, or after `return` and the like. */
  expressionMayStart(): boolean {
    if (this.prevKind === PREV_NONE) return true;
    if (this.prevKind === PREV_WORD) return EXPRESSION_KEYWORDS.has(this.prevWord);
    if (this.prevKind === PREV_STRING) return false;
    const c = this.prevPunct;
    return c !== 41 && c !== 93 && c !== 125;
  }

  /** Records that the last token was a value (a JSX element, a string): a `/` after it divides. */
  markValue(): void {
    this.prevKind = PREV_STRING;
  }

  /** Records that the last token was an operator: an expression may start after it. */
  markOperator(): void {
    this.prevKind = PREV_PUNCT;
    this.prevPunct = 0;
  }

  private isCommentMarkerAt(pos: number): boolean {
    if (!this.syntax.commentAtWordStart || pos === 0) return true;
    const before = this.text.charCodeAt(pos - 1);
    return isBlank(before) || before === 59 || before === 124 || before === 38 || before === 40 || before === 41;
  }

  // --- comments ---------------------------------------------------------------

  private lineComment(pos: number, marker: string): number {
    const text = this.text;
    const end = lineEndAt(text, pos);
    let contentStart = pos + marker.length;
    // Doc comment markers: `///`, `//!`, `##`.
    const extra = text.charCodeAt(contentStart);
    if (extra === marker.charCodeAt(marker.length - 1) || (extra === 33 && marker === '//')) contentStart++;
    const body = text.slice(contentStart, end).trim();
    this.comments.push({ start: pos, end, body });
    let lineStart = pos;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    const alone = isBlankRange(text, lineStart, pos);
    const continues =
      this.run !== undefined &&
      this.run.marker === marker &&
      alone &&
      this.run.lastLineEnd === lineStart - 1 - (text.charCodeAt(lineStart - 2) === 13 ? 1 : 0);
    if (!continues) this.endRun();
    if (body.startsWith('termguard-') || (!continues && isToolDirective(body))) {
      this.endRun();
      return end;
    }
    if (alone) {
      this.run ??= { marker, lines: [], lastLineEnd: end, doc: false };
      this.run.lines.push(contentStart, end);
      this.run.lastLineEnd = end;
    } else {
      this.doc.read([contentStart, end], this.units, false);
    }
    return end;
  }

  /** Ends the run of line comments, making its units. */
  private endRun(): void {
    const run = this.run;
    if (run === undefined) return;
    this.run = undefined;
    this.doc.read(run.lines, this.units, false);
  }

  private blockComment(pos: number, open: string, close: string, nests: boolean): number {
    const text = this.text;
    this.endRun();
    let depth = 1;
    let p = pos + open.length;
    let closeAt = -1;
    while (p < text.length) {
      if (text.startsWith(close, p)) {
        if (--depth === 0) {
          closeAt = p;
          break;
        }
        p += close.length;
      } else if (nests && text.startsWith(open, p)) {
        depth++;
        p += open.length;
      } else p++;
    }
    const contentEnd = closeAt < 0 ? text.length : closeAt;
    const end = closeAt < 0 ? text.length : closeAt + close.length;
    const lines = decoratedLines(text, pos + open.length, contentEnd);
    const body = lines.length > 0 ? joinLines(text, lines) : '';
    this.comments.push({ start: pos, end, body });
    if (!body.startsWith('termguard-') && !isToolDirective(body)) this.doc.read(lines, this.units, false);
    return end;
  }

  /** Ruby's `=begin` … `=end` comment, from the line at `pos`. */
  private rubyBlockComment(pos: number): number {
    const text = this.text;
    const contentStart = lineEndAt(text, pos) + 1;
    let p = contentStart;
    while (p < text.length && !(text.startsWith('=end', p) && (p + 4 >= text.length || isBlank(text.charCodeAt(p + 4))))) {
      p = lineEndAt(text, p) + 1;
    }
    const contentEnd = Math.min(p, text.length);
    const end = p < text.length ? lineEndAt(text, p) : text.length;
    const lines = decoratedLines(text, Math.min(contentStart, text.length), contentEnd);
    const body = lines.length > 0 ? joinLines(text, lines) : '';
    this.comments.push({ start: pos, end, body });
    if (!body.startsWith('termguard-')) this.doc.read(lines, this.units, false);
    return end;
  }

  // --- strings ----------------------------------------------------------------

  private stringFormAt(pos: number): StringForm | undefined {
    const text = this.text;
    const candidates = this.formsByFirstChar.get(text.charCodeAt(pos));
    if (candidates === undefined) return undefined;
    for (const form of candidates) {
      if (!text.startsWith(form.open, pos)) continue;
      // A prefix letter must start a word: `r"` in `bar"` is no prefix.
      if ((isWordChar(form.open.charCodeAt(0)) || form.open === ':"') && pos > 0 && isWordChar(text.charCodeAt(pos - 1))) continue;
      return form;
    }
    return undefined;
  }

  /** Reads a string literal of `form` at `pos`: where its content and the literal end, and its interpolations. */
  readString(pos: number, form: StringForm): StringLiteral {
    const text = this.text;
    const len = text.length;
    const contentStart = pos + form.open.length;
    const interpolations: number[] = [];
    const close = form.close;
    for (let j = contentStart; j < len;) {
      const c = text.charCodeAt(j);
      if (c === 92 && form.escapes) {
        j += 2;
        continue;
      }
      if (text.startsWith(close, j)) {
        if (form.doubled && text.startsWith(close, j + close.length)) {
          j += 2 * close.length;
          continue;
        }
        return { start: pos, contentStart, contentEnd: j, end: j + close.length, interpolations };
      }
      if (!form.multiline && (c === 10 || c === 13)) return { start: pos, contentStart, contentEnd: j, end: j, interpolations };
      const interpolation = this.interpolationAt(j, form);
      if (interpolation > j) {
        interpolations.push(j, interpolation);
        j = interpolation;
        continue;
      }
      j++;
    }
    return { start: pos, contentStart, contentEnd: len, end: len, interpolations };
  }

  /** The end of an interpolated expression starting at `j`, or `j` when none starts there. */
  private interpolationAt(j: number, form: StringForm): number {
    const text = this.text;
    switch (form.interpolation) {
      case '${':
        return text.startsWith('${', j) ? skipBalanced(text, j + 1, 123, 125) : j;
      case '#{':
        return text.startsWith('#{', j) ? skipBalanced(text, j + 1, 123, 125) : j;
      case '{':
        if (text.charCodeAt(j) !== 123) return j;
        // `{{` is a literal brace.
        if (text.charCodeAt(j + 1) === 123) return j;
        return skipBalanced(text, j, 123, 125);
      case 'shell':
        if (text.startsWith('$(', j)) return skipBalanced(text, j + 1, 40, 41);
        if (text.startsWith('${', j)) return skipBalanced(text, j + 1, 123, 125);
        if (text.charCodeAt(j) === 36 && isWordChar(text.charCodeAt(j + 1))) {
          let e = j + 1;
          while (e < text.length && isWordChar(text.charCodeAt(e)) && text.charCodeAt(e) !== 36) e++;
          return e;
        }
        if (text.charCodeAt(j) === 96) return skipQuoted(text, j);
        return j;
      default:
        return j;
    }
  }

  private stringToken(pos: number, form: StringForm): number {
    const literal = this.readString(pos, form);
    if (!form.notText && this.readStrings) this.stringUnit(literal, form);
    this.markValue();
    return literal.end;
  }

  /** Makes a unit of a string literal when its context and content say it is prose. */
  stringUnit(literal: StringLiteral, form: StringForm): void {
    const text = this.text;
    if (form.interpolation === '${' && this.prevKind === PREV_WORD && literal.start > 0 && isWordChar(text.charCodeAt(literal.start - 1)))
      return; // a tagged template (sql`…`)
    if (this.isImportSource() || this.isKey(literal)) return;
    if (this.syntax.docstrings && this.isDocstring(literal)) {
      this.doc.read(contentLines(text, literal.contentStart, literal.contentEnd), this.units, true);
      return;
    }
    this.addLiteral(literal, form);
  }

  /** Adds the literal's text as a unit if it reads as prose. */
  addLiteral(literal: StringLiteral, form: StringForm): void {
    const text = this.text;
    const interpolations = literal.interpolations;
    let judged = '';
    let pos = literal.contentStart;
    for (let i = 0; i < interpolations.length; i += 2) {
      judged += text.slice(pos, interpolations[i]) + 'x';
      pos = interpolations[i + 1]!;
    }
    judged += text.slice(pos, literal.contentEnd);
    if (!isUserFacing(withoutPlaceholders(judged))) return;
    const unit = new UnitBuilder(text);
    const syntax = { backslash: form.escapes, placeholders: true, ...(form.doubled ? { doubledQuote: form.close.charCodeAt(0) } : {}) };
    pos = literal.contentStart;
    for (let i = 0; i < interpolations.length; i += 2) {
      addStringText(unit, text, pos, interpolations[i]!, syntax);
      unit.addOpaque(interpolations[i]!, interpolations[i + 1]!);
      pos = interpolations[i + 1]!;
    }
    addStringText(unit, text, pos, literal.contentEnd, syntax);
    unit.finish(this.units);
  }

  private isImportSource(): boolean {
    return this.prevKind === PREV_WORD
      ? this.syntax.importWords.has(this.prevWord)
      : this.prevKind === PREV_PUNCT && this.prevPunct === 40 && (this.prevWord === 'require' || this.prevWord === 'import');
  }

  /** An object key (`{ "key": v }`, `, 'key': v`) or a subscript (`obj["key"]`). */
  private isKey(literal: StringLiteral): boolean {
    const text = this.text;
    let p = literal.end;
    while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    const next = text.charCodeAt(p);
    const before = this.prevKind === PREV_PUNCT ? this.prevPunct : this.prevKind === PREV_NONE ? 10 : 0;
    if (next === 58 && text.charCodeAt(p + 1) !== 58) return before === 123 || before === 44 || before === 10;
    return next === 93 && before === 91;
  }

  /** A string that is a statement of its own: nothing but blanks before it on its line and nothing but a comment after it. */
  private isDocstring(literal: StringLiteral): boolean {
    const text = this.text;
    let p = literal.start - 1;
    while (p >= 0 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p--;
    if (p >= 0 && text.charCodeAt(p) !== 10 && text.charCodeAt(p) !== 13) return false;
    let q = literal.end;
    while (q < text.length && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
    return q >= text.length || text.charCodeAt(q) === 10 || text.charCodeAt(q) === 13 || text.charCodeAt(q) === 35;
  }

  /** `'x'` (a character), `'\n'`, or `'a` (a lifetime or a loop label). */
  private rustQuote(pos: number): number {
    const text = this.text;
    if (text.charCodeAt(pos + 1) === 92) {
      const close = text.indexOf("'", pos + 3);
      return close > 0 && close < pos + 12 ? close + 1 : pos + 1;
    }
    const width = text.codePointAt(pos + 1)! > 0xffff ? 2 : 1;
    if (text.charCodeAt(pos + 1 + width) === 39) return pos + 2 + width;
    let e = pos + 1;
    while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
    this.prevKind = PREV_WORD;
    this.prevWord = '';
    return e;
  }

  /** A regex literal `/…/flags` on one line, or a lone `/` when none closes. */
  private regex(pos: number): number {
    const text = this.text;
    const end = lineEndAt(text, pos);
    let inClass = false;
    for (let j = pos + 1; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) {
        let e = j + 1;
        while (e < end && isWordChar(text.charCodeAt(e))) e++;
        this.markValue();
        return e;
      }
    }
    this.prevKind = PREV_PUNCT;
    this.prevPunct = 47;
    return pos + 1;
  }

  // --- Ruby and shell ---------------------------------------------------------

  /** `%q(…)`, `%Q[…]`, `%w{…}`, `%(…)` and the like; returns 0 when `%` is an operator here. */
  private percentLiteral(pos: number): number {
    const text = this.text;
    let p = pos + 1;
    const type = /[qQwWiIrsx]/.test(text[p] ?? '') ? text[p++]! : '';
    const open = text.charCodeAt(p);
    if (Number.isNaN(open) || isWordChar(open) || isBlank(open)) return 0;
    if (type === '' && !this.expressionMayStart()) return 0;
    const close = open === 40 ? 41 : open === 91 ? 93 : open === 123 ? 125 : open === 60 ? 62 : open;
    const end = close === open ? skipTo(text, p + 1, close) : skipBalanced(text, p, open, close);
    const literal: StringLiteral = { start: pos, contentStart: p + 1, contentEnd: Math.max(p + 1, end - 1), end, interpolations: [] };
    if ((type === '' || type === 'q' || type === 'Q') && this.readStrings)
      this.addLiteral(literal, { open: '%', close: String.fromCharCode(close), escapes: true, multiline: true });
    this.markValue();
    return end;
  }

  /** A heredoc opener (`<<~EOS`, `<<-'SQL'`, `<<EOF`): its body is read from the next line on. Returns 0 when `<<` is an operator. */
  private heredocOpener(pos: number): number {
    const text = this.text;
    const shell = this.syntax.heredocs === 'shell';
    const pattern = shell ? /<<(-?)[ \t]*(['"]?)([A-Za-z_][\w-]*)\2/y : /<<([~-]?)(['"`]?)([A-Z_][A-Z0-9_]*)\2/y;
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    if (!match || (shell && text.charCodeAt(pos + 2) === 60)) return 0;
    this.heredocs.push({ id: match[3]!, indented: match[1] !== '', interpolates: match[2] === '' || match[2] === '"' });
    this.markValue();
    return pattern.lastIndex;
  }

  /** Reads the bodies of the pending heredocs, from the line at `pos`; returns the line after the last one. */
  private readHeredocBodies(pos: number): number {
    const text = this.text;
    for (const heredoc of this.heredocs) {
      const bodyStart = pos;
      let closing = -1;
      while (pos < text.length) {
        const end = lineEndAt(text, pos);
        const line = text.slice(pos, end);
        if ((heredoc.indented ? line.trim() : line.trimEnd()) === heredoc.id) {
          closing = pos;
          pos = Math.min(text.length, end + 1);
          break;
        }
        pos = Math.min(text.length, end + 1);
      }
      const contentEnd = closing < 0 ? text.length : closing;
      if (this.readStrings && contentEnd > bodyStart) this.heredocUnit(bodyStart, contentEnd, heredoc);
    }
    this.heredocs = [];
    return pos;
  }

  private heredocUnit(start: number, end: number, heredoc: PendingHeredoc): void {
    const text = this.text;
    const body = text.slice(start, end);
    const judged = heredoc.interpolates ? body.replace(/#\{[^}]*\}|\$\{[^}]*\}|\$\([^)]*\)|\$\w+/g, 'x') : body;
    if (!isUserFacing(judged)) return;
    this.doc.read(contentLines(text, start, end), this.units, true);
  }
}

const FORM_INDEX = new WeakMap<CodeSyntax, Map<number, StringForm[]>>();

function formsByFirstChar(syntax: CodeSyntax): Map<number, StringForm[]> {
  let index = FORM_INDEX.get(syntax);
  if (index === undefined) {
    index = new Map();
    for (const form of syntax.strings) {
      const first = form.open.charCodeAt(0);
      const list = index.get(first) ?? [];
      list.push(form);
      index.set(first, list);
    }
    FORM_INDEX.set(syntax, index);
  }
  return index;
}

function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/** The lines of `[start, end)` as `[start, end)` pairs, without line terminators. */
function contentLines(text: string, start: number, end: number): number[] {
  const lines: number[] = [];
  for (let p = start; p < end;) {
    let e = text.indexOf('\n', p);
    if (e < 0 || e > end) e = end;
    lines.push(p, e > p && text.charCodeAt(e - 1) === 13 ? e - 1 : e);
    p = e + 1;
  }
  return lines;
}

/** The lines of a block comment's content with the ` * ` decoration of each line cut off. */
function decoratedLines(text: string, start: number, end: number): number[] {
  const lines = contentLines(text, start, end);
  for (let i = 0; i < lines.length; i += 2) {
    let s = lines[i]!;
    const e = lines[i + 1]!;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    // `/**` leaves a `*` at the start of the first line; ` * ` decorates the others.
    if (s < e && text.charCodeAt(s) === 42) {
      s++;
      while (s < e && text.charCodeAt(s) === 42) s++;
    }
    lines[i] = s;
  }
  return lines;
}

function joinLines(text: string, lines: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i += 2) parts.push(text.slice(lines[i], lines[i + 1]).trim());
  return parts.join('\n').trim();
}

/** The position after the `close` that balances the `open` at `at` (quotes inside skipped), or the end. */
export function skipBalanced(text: string, at: number, open: number, close: number): number {
  let depth = 0;
  for (let j = at; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === open) depth++;
    else if (c === close) {
      if (--depth === 0) return j + 1;
    } else if ((c === 34 || c === 39 || c === 96) && open !== c) j = skipQuoted(text, j) - 1;
    else if (c === 92) j++;
  }
  return text.length;
}

/** The position after the quoted run starting at `at` (its quote, escapes honoured, on one line for `'` and `"`). */
export function skipQuoted(text: string, at: number): number {
  const quote = text.charCodeAt(at);
  for (let j = at + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === quote) return j + 1;
    else if ((c === 10 || c === 13) && quote !== 96) return j;
  }
  return text.length;
}

/** The position after the next `close` (backslash escapes honoured), or the end. */
function skipTo(text: string, from: number, close: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === close) return j + 1;
  }
  return text.length;
}
