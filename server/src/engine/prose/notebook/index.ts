/**
 * Jupyter notebook (`.ipynb`) prose extraction, on the notebook's JSON
 * source: Markdown cells are read by the Markdown reader, code cells by the
 * code reader (in the notebook's language), and every range is mapped back
 * to the JSON source, escapes included. Outputs and raw cells are not prose.
 */
import { codeReader } from '../code';
import { jsonMember, type JsonNode } from '../code/json';
import { scanMarkdownBlocks } from '../markdown/markdownReader';
import type { CommentSpan, ProseBlock, ProseUnit } from '../prose';
import { DecodedText, mapBlocks } from './decodedText';
import { walkFromCut, walkFromTop, type NotebookPiece } from './notebookWalk';

/** Where the blank lines at the top of `text` end (0 when its first line is not blank). */
function leadingBlankLinesEnd(text: string): number {
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) lineStart = c === 13 && text.charCodeAt(i + 1) === 10 ? ++i + 1 : i + 1;
    else if (c !== 32 && c !== 9) break;
  }
  return lineStart;
}

/** The language of code cells: the cell's own (VS Code writes one), else the notebook's. */
function cellLanguage(text: string, notebookLanguage: string, cell: JsonNode): string {
  const own = jsonMember(text, jsonMember(text, jsonMember(text, cell, 'metadata'), 'vscode'), 'languageId');
  return own?.kind === 'string' ? text.slice(own.start, own.end) : notebookLanguage;
}

/** A cell's source decoded: a string, or an array of strings (lines) joined. */
function decodeSource(text: string, source: JsonNode | undefined): DecodedText | undefined {
  if (source === undefined) return undefined;
  const decoded = new DecodedText(text);
  if (source.kind === 'string') decoded.appendJsonString(source.start, source.end);
  else if (source.kind === 'array') {
    for (const line of source.items) if (line.kind === 'string') decoded.appendJsonString(line.start, line.end);
  } else return undefined;
  return decoded;
}

/** Adds the prose of a Markdown or code cell (read in `language` unless it names its own) to `units` and `comments`. */
function readCell(text: string, cell: JsonNode, language: string, units: ProseUnit[], comments: CommentSpan[]): void {
  const type = jsonMember(text, cell, 'cell_type');
  const kind = type?.kind === 'string' ? text.slice(type.start, type.end) : '';
  const decoded = kind === 'markdown' || kind === 'code' ? decodeSource(text, jsonMember(text, cell, 'source')) : undefined;
  if (decoded === undefined) return;
  const reader = kind === 'markdown' ? scanMarkdownBlocks : codeReader(cellLanguage(text, language, cell));
  if (reader) mapBlocks(decoded, reader(decoded.text, 0), units, comments);
}

/** The languages a notebook's head and tail declare (null where a part has no `metadata` member); its blocks' `context`. */
interface DeclaredLanguages {
  readonly head: string | null;
  readonly tail: string | null;
}

function contextOf(languages: DeclaredLanguages): string {
  return JSON.stringify([languages.head, languages.tail]);
}

function isLanguage(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** The languages a block's `context` holds; undefined when it is not a notebook block's context. */
function languagesOf(context: string): DeclaredLanguages | undefined {
  try {
    const value: unknown = JSON.parse(context);
    if (Array.isArray(value) && value.length === 2 && isLanguage(value[0]) && isLanguage(value[1]))
      return { head: value[0], tail: value[1] };
  } catch {
    // Not a context this reader wrote: the caller reads the notebook's languages from the text.
  }
  return undefined;
}

/** Reads the cells of `pieces` in the notebook's language; each block's context is what the languages are with its own part's declaration. */
function* readPieces(text: string, pieces: Iterable<NotebookPiece>, languages: DeclaredLanguages): Generator<ProseBlock> {
  // The first `metadata` member of the notebook wins, as a JSON reader that keeps the first of repeated keys reads it.
  const language = languages.head ?? languages.tail ?? 'python';
  for (const piece of pieces) {
    const units: ProseUnit[] = [];
    const comments: CommentSpan[] = [];
    for (const cell of piece.cells) readCell(text, cell, language, units, comments);
    const declared = {
      head: piece.headLanguage !== undefined ? piece.headLanguage : languages.head,
      tail: piece.tailLanguage !== undefined ? piece.tailLanguage : languages.tail,
    };
    yield { start: piece.start, end: piece.end, units, comments, context: contextOf(declared) };
  }
}

/** Text that is not a notebook: the blank lines at its top (if any) and the rest, without prose. */
function* notANotebook(text: string, from: number): Generator<ProseBlock> {
  const blankEnd = from === 0 ? leadingBlankLinesEnd(text) : 0;
  if (blankEnd > 0) yield { start: 0, end: blankEnd, units: [], comments: [] };
  const start = Math.max(from, blankEnd);
  if (start < text.length) yield { start, end: text.length, units: [], comments: [] };
}

/**
 * Reads a notebook with one block per cell (a cell's lines, from the line
 * where its JSON object starts to the line break after it; cells that share
 * a line share a block). The first block also holds the notebook's members
 * before its cells (and any blank lines above them), the last one those
 * after its cells, so every block but the first starts where a cell does.
 *
 * What a code cell's text means depends on the notebook's language, written
 * in its `metadata`, usually at the end. So each block carries a `context`:
 * the languages the notebook's head and tail declare. A scan given a context
 * reads from `from` lazily in the language it names; without one it first
 * walks the whole notebook to find it. A block that holds the head or the
 * tail reports what its own text declares: when that differs from the
 * context the scan was given, the notebook's language changed and every
 * block must be read again (the incremental checker does so).
 *
 * Suppression directives are written in the cells: `<!-- termguard-… -->`
 * in Markdown cells, comments in code cells. `disable-next-line` applies to
 * the next line of the JSON source, which is the cell's next line when the
 * source is written as an array of lines (as Jupyter writes it).
 *
 * The JSON is read as the lenient `parseJson` reads it, so a half-typed
 * notebook gives the prose of what it can read. Text that is not a notebook
 * yields its blank top lines and the rest as blocks without prose, as does a
 * `from` where no cell starts. Never throws.
 */
export function* scanNotebookBlocks(text: string, from = 0, context?: string): Generator<ProseBlock> {
  if (from >= text.length) return;
  let languages = context === undefined ? undefined : languagesOf(context);
  if (from === 0) {
    const walk = walkFromTop(text);
    if (!walk) return yield* notANotebook(text, 0);
    if (languages) return yield* readPieces(text, walk, languages);
    // Without a context the languages are known only at the end: walk it all, then read.
    const pieces = [...walk];
    return yield* readPieces(text, pieces, { head: pieces[0]!.headLanguage ?? null, tail: pieces.at(-1)!.tailLanguage ?? null });
  }
  languages ??= declaredLanguages(text);
  const walk = languages && walkFromCut(text, from);
  if (!languages || !walk) return yield* notANotebook(text, from);
  yield* readPieces(text, walk, languages);
}

/** The languages the notebook `text` declares, from a walk of all of it; undefined when it is not a notebook. */
function declaredLanguages(text: string): DeclaredLanguages | undefined {
  const walk = walkFromTop(text);
  if (!walk) return undefined;
  let head: string | null = null;
  let tail: string | null = null;
  for (const piece of walk) {
    if (piece.headLanguage !== undefined) head = piece.headLanguage;
    if (piece.tailLanguage !== undefined) tail = piece.tailLanguage;
  }
  return { head, tail };
}
