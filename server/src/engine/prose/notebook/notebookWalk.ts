/**
 * A notebook's JSON structure, walked a cell at a time: the notebook's own
 * members up to its `cells` array (the head), the cells, and the members
 * after the array (the tail). The walk reads the root object exactly as the
 * lenient parser (`parseJson`) does, value by value with the same
 * `JsonCursor`, and cuts it into pieces at line breaks between two cells. At
 * every cut the parser is at the same point of its reading (between two
 * items of the cells array, nothing before mattering to what follows), so a
 * walk resumed at a cut reads the rest exactly as a walk from the top does.
 */
import { JsonCursor, jsonMember, type JsonNode } from '../code/json';

/** How deep `parseJson` reads the root's members (the root is at 0). */
const MEMBER_DEPTH = 1;
/** How deep `parseJson` reads the items of the cells array. */
const CELL_DEPTH = 2;

/** A piece of a notebook's source between two cuts (or the top, or the end). */
export interface NotebookPiece {
  readonly start: number;
  readonly end: number;
  /** The items of the cells array that lie in the piece (cells, when they are objects). */
  readonly cells: readonly JsonNode[];
  /** Present when the piece holds the head: the language the head's `metadata` member declares, null when the head has none. */
  readonly headLanguage?: string | null;
  /** Present when the piece holds the tail (the last piece does): likewise for the tail. */
  readonly tailLanguage?: string | null;
}

/** The language a notebook's `metadata` object gives its code cells: the kernel's, or Python. */
function metadataLanguage(text: string, metadata: JsonNode): string {
  for (const [object, member] of [
    ['kernelspec', 'language'],
    ['language_info', 'name'],
  ] as const) {
    const found = jsonMember(text, jsonMember(text, metadata, object), member);
    if (found?.kind === 'string') return text.slice(found.start, found.end);
  }
  return 'python';
}

/** Reads root-object members from the cursor, as `parseJson` would, until one named `stop` (cursor after its `:`) or the object ends. */
class MemberReader {
  /** The language of the first `metadata` member read, null before one. */
  language: string | null = null;

  constructor(
    private readonly text: string,
    private readonly cursor: JsonCursor,
  ) {}

  /** True when it stopped at a member named `stop`; false when the object ended (closed, cut short or broken) first. */
  readUntil(stop: string | undefined): boolean {
    const { text, cursor } = this;
    for (;;) {
      cursor.skipBlanks();
      if (cursor.pos >= text.length) return false;
      const c = text.charCodeAt(cursor.pos);
      if (c === 125) return false;
      if (c === 44) {
        cursor.pos++;
        continue;
      }
      const key = cursor.value(MEMBER_DEPTH);
      if (key?.kind !== 'string') return false;
      cursor.skipBlanks();
      if (text.charCodeAt(cursor.pos) !== 58) return false;
      cursor.pos++;
      const name = text.slice(key.start, key.end);
      if (name === stop) return true;
      const value = cursor.value(MEMBER_DEPTH);
      if (!value) return false;
      if (name === 'metadata' && this.language === null) this.language = metadataLanguage(text, value);
    }
  }
}

/** True when, after blanks and commas from `at`, an object (a cell) starts: where a walk may resume. */
export function startsCell(text: string, at: number): boolean {
  const cursor = new JsonCursor(text, at);
  for (;;) {
    cursor.skipBlanks();
    if (text.charCodeAt(cursor.pos) !== 44) break;
    cursor.pos++;
  }
  return text.charCodeAt(cursor.pos) === 123;
}

/**
 * Where a piece may end after a cell that ends at `at`: just after the line
 * break that follows, when only spaces, tabs and commas come before it and
 * another cell comes after it. So the head always shares a piece with the
 * first cell and the tail with the last, and a piece starts where a cell does.
 */
function cutAfter(text: string, at: number): number | undefined {
  let p = at;
  let c = text.charCodeAt(p);
  while (c === 32 || c === 9 || c === 44) c = text.charCodeAt(++p);
  if (c !== 10 && c !== 13) return undefined;
  const lineEnd = c === 13 && text.charCodeAt(p + 1) === 10 ? p + 2 : p + 1;
  return startsCell(text, lineEnd) ? lineEnd : undefined;
}

/** Walks the cells array from the cursor, piece by piece, then the tail. */
function* walkCells(text: string, cursor: JsonCursor, start: number, headLanguage?: string | null): Generator<NotebookPiece> {
  let cells: JsonNode[] = [];
  let head = headLanguage === undefined ? {} : { headLanguage };
  for (;;) {
    cursor.skipBlanks();
    if (cursor.pos >= text.length) break;
    const c = text.charCodeAt(cursor.pos);
    if (c === 93) {
      cursor.pos++;
      break;
    }
    if (c === 44) {
      cursor.pos++;
      continue;
    }
    // What is not a value ends the array where it stands, and the root object reads on from there.
    const item = cursor.value(CELL_DEPTH);
    if (!item) break;
    cells.push(item);
    const cut = cutAfter(text, cursor.pos);
    if (cut === undefined) continue;
    yield { start, end: cut, cells, ...head };
    start = cursor.pos = cut;
    cells = [];
    head = {};
  }
  const tail = new MemberReader(text, cursor);
  tail.readUntil(undefined);
  yield { start, end: text.length, cells, ...head, tailLanguage: tail.language };
}

/**
 * Walks `text` from the top; undefined when it is not a notebook (a root
 * object with a `cells` array), as `parseJson` reads it. The first piece
 * starts at 0 (blank lines before the JSON included), the last ends at the end.
 */
export function walkFromTop(text: string): Generator<NotebookPiece> | undefined {
  const cursor = new JsonCursor(text);
  cursor.skipBlanks();
  if (text.charCodeAt(cursor.pos) !== 123) return undefined;
  cursor.pos++;
  const head = new MemberReader(text, cursor);
  if (!head.readUntil('cells')) return undefined;
  cursor.skipBlanks();
  if (text.charCodeAt(cursor.pos) !== 91) return undefined;
  cursor.pos++;
  return walkCells(text, cursor, 0, head.language);
}

/** Walks `text` from `from`, the start of a piece a walk from the top yielded; undefined when no cell starts there. */
export function walkFromCut(text: string, from: number): Generator<NotebookPiece> | undefined {
  return startsCell(text, from) ? walkCells(text, new JsonCursor(text, from), from) : undefined;
}
