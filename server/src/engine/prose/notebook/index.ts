/**
 * Jupyter notebook (`.ipynb`) prose extraction, on the notebook's JSON
 * source: Markdown cells are read by the Markdown reader, code cells by the
 * code reader (in the notebook's language), and every range is mapped back
 * to the JSON source, escapes included. Outputs and raw cells are not prose.
 */
import { codeReader } from '../code';
import { jsonMember, parseJson, type JsonNode } from '../code/json';
import { scanMarkdownBlocks } from '../markdown/markdownReader';
import type { CommentSpan, ProseBlock, ProseUnit } from '../prose';
import { DecodedText, mapBlocks } from './decodedText';

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

/** The language of code cells: the cell's own (VS Code writes one), the kernel's, or Python. */
function cellLanguage(text: string, notebookLanguage: string, cell: JsonNode): string {
  const own = jsonMember(text, jsonMember(text, jsonMember(text, cell, 'metadata'), 'vscode'), 'languageId');
  return own?.kind === 'string' ? text.slice(own.start, own.end) : notebookLanguage;
}

function notebookLanguage(text: string, root: JsonNode): string {
  const metadata = jsonMember(text, root, 'metadata');
  for (const path of [
    ['kernelspec', 'language'],
    ['language_info', 'name'],
  ]) {
    const found = jsonMember(text, jsonMember(text, metadata, path[0]!), path[1]!);
    if (found?.kind === 'string') return text.slice(found.start, found.end);
  }
  return 'python';
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

/**
 * Reads a notebook as one block (the whole text) with the prose of its
 * cells. One block, because what a code cell's text means depends on the
 * notebook's language, written in its metadata, usually at the end: no part
 * of the notebook can be read without the rest. An incremental re-check
 * therefore reads the whole notebook again.
 *
 * Suppression directives are written in the cells: `<!-- termguard-… -->`
 * in Markdown cells, comments in code cells. `disable-next-line` applies to
 * the next line of the JSON source, which is the cell's next line when the
 * source is written as an array of lines (as Jupyter writes it).
 *
 * The block starts are 0 and, after blank lines at the top, the first line
 * that is not blank; any other `from` yields one block without prose from
 * there. Text that is not a notebook yields one block
 * without prose. Never throws.
 */
export function* scanNotebookBlocks(text: string, from = 0): Generator<ProseBlock> {
  const len = text.length;
  const notebookStart = leadingBlankLinesEnd(text);
  if (from === 0 && notebookStart > 0) {
    // Blank lines before the JSON are a block of their own, as the reader contract asks.
    yield { start: 0, end: notebookStart, units: [], comments: [] };
    from = notebookStart;
  }
  if (from > 0 && from !== notebookStart) {
    if (from < len) yield { start: from, end: len, units: [], comments: [] };
    return;
  }
  if (from >= len) return;
  const units: ProseUnit[] = [];
  const comments: CommentSpan[] = [];
  const root = parseJson(text);
  const cells = jsonMember(text, root, 'cells');
  if (root !== undefined && cells?.kind === 'array') {
    const language = notebookLanguage(text, root);
    for (const cell of cells.items) {
      const type = jsonMember(text, cell, 'cell_type');
      const kind = type?.kind === 'string' ? text.slice(type.start, type.end) : '';
      const decoded = kind === 'markdown' || kind === 'code' ? decodeSource(text, jsonMember(text, cell, 'source')) : undefined;
      if (decoded === undefined) continue;
      const reader = kind === 'markdown' ? scanMarkdownBlocks : codeReader(cellLanguage(text, language, cell));
      if (reader) mapBlocks(decoded, reader(decoded.text, 0), units, comments);
    }
  }
  yield { start: from, end: len, units, comments };
}
