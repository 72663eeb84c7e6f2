/**
 * fast-check generators of documents and of edit sequences for the
 * synchronisation property tests: texts made of findings, markdown
 * structure, every kind of line break (`\n`, `\r\n`, a lone `\r`) and
 * astral characters, and changes that include deletions of more than half
 * the document, changes at its very end, positions that need clamping and
 * ranges given end first.
 */
import fc from 'fast-check';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentEdit } from '../../server/src/engine/api';

/** The pieces documents and insertions are made of. */
const FRAGMENTS = [
  'xxxxx\n',
  'The SRE enables access to ChatGPT.',
  'Use Chatgpt natively on AWS.',
  ' Agents call on GPT-5.',
  'AWS bedrock',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '😀',
  '𝒳',
  'é',
  '# ',
  '- ',
  '> ',
  '```\n',
  '<!-- termguard-disable-next-line -->',
  '<!-- termguard-disable -->',
  ' ',
  'x',
];

/** A text of up to `maxPieces` fragments. */
export function documentText(maxPieces: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/**
 * One content change, described relative to the document it will apply to
 * (its offsets are only known then): `a` and `b` are fractions that
 * {@link toChange} turns into places. `shrink` deletes more than half of the
 * document, `end` touches its very end, `raw` names positions that need
 * clamping (characters past a line's end, lines past the last).
 */
export interface ChangeSpec {
  readonly kind: 'replace' | 'shrink' | 'end' | 'raw';
  readonly a: number;
  readonly b: number;
  readonly text: string;
  /** Send the range end first. */
  readonly reversed: boolean;
}

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

export const changeSpec: fc.Arbitrary<ChangeSpec> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'shrink', 'end', 'raw'),
  a: fraction,
  b: fraction,
  text: fc.oneof(fc.constant(''), documentText(3)),
  reversed: fc.boolean(),
});

/** One `didChange` notification, and whether the client waits for the server's check of it before going on. */
export const stepSpec = fc.record({ changes: fc.array(changeSpec, { minLength: 1, maxLength: 3 }), settle: fc.boolean() });

/** The change `spec` describes for the text `document` holds. */
export function toChange(document: TextDocument, spec: ChangeSpec): TextDocumentContentChangeEvent {
  const length = document.getText().length;
  let start: Position;
  let end: Position;
  if (spec.kind === 'raw') {
    start = { line: Math.floor(spec.a * (document.lineCount + 2)), character: Math.floor(spec.b * 40) };
    end = { line: start.line + Math.floor(spec.b * 2), character: Math.floor(spec.a * 40) };
  } else {
    let from: number;
    let to: number;
    if (spec.kind === 'shrink') {
      const removed = Math.min(length, Math.floor(length / 2) + 1 + Math.floor(spec.b * (length / 2)));
      from = Math.floor(spec.a * (length - removed + 1));
      to = from + removed;
    } else if (spec.kind === 'end') {
      from = Math.max(0, length - Math.floor(spec.a * 6));
      to = spec.b < 0.5 ? length : from;
    } else {
      from = Math.floor(spec.a * (length + 1));
      to = Math.min(length, from + Math.floor(spec.b * 40));
    }
    start = document.positionAt(from);
    end = document.positionAt(to);
  }
  return { range: spec.reversed ? { start: end, end: start } : { start, end }, text: spec.text };
}

/** The offset edit `spec` describes for the text `document` holds, as the reference library reads it. */
export function toOffsetEdit(document: TextDocument, spec: ChangeSpec): DocumentEdit {
  const change = toChange(document, { ...spec, reversed: false });
  if (!('range' in change)) throw new Error('toChange makes incremental changes only');
  // `raw` positions can come end first; the reference library turns such a range around.
  const [start, end] = [document.offsetAt(change.range.start), document.offsetAt(change.range.end)].sort((x, y) => x - y) as [
    number,
    number,
  ];
  return { range: { start, end }, newText: change.text };
}
