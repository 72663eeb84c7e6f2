/**
 * reStructuredText grid and simple tables: each cell's text is a unit.
 * Column boundaries come from the table's first border line; columns are
 * counted in characters from the table's left edge (tables are written with
 * spaces, not tabs).
 */
import type { ProseUnit } from '../prose';
import { UnitBuilder } from '../shared/unitBuilder';

/** The lines of a table: raw start, end (trailing blanks trimmed), and whether blank. */
export interface TableLines {
  readonly text: string;
  lineStart(line: number): number;
  lineEnd(line: number): number;
  isBlank(line: number): boolean;
}

/** Adds the cell text `[start, stop)` (on one line) to the cell's unit. */
export type AddCellText = (start: number, stop: number, unit: UnitBuilder) => void;

const GRID_BORDER = /^\+(?:[-=]+\+)+$/;
const SIMPLE_BORDER = /^=+(?: +=+)+$/;
const SIMPLE_UNDERLINE = /^[- ]+$/;

export function isGridTableBorder(line: string): boolean {
  return GRID_BORDER.test(line);
}

export function isSimpleTableBorder(line: string): boolean {
  return SIMPLE_BORDER.test(line);
}

/**
 * The cells of the grid table in lines `[first, end)` (first is its top
 * border, `left` its left edge): each run of cell lines between separator
 * lines makes one unit per cell; a cell spanning columns has no `|` at the
 * boundaries it spans.
 */
export function gridTableCells(
  lines: TableLines,
  first: number,
  end: number,
  left: number,
  addText: AddCellText,
  units: ProseUnit[],
): void {
  const text = lines.text;
  const origin = lines.lineStart(first) + left;
  const border = text.slice(origin, lines.lineEnd(first));
  const columns: number[] = [];
  for (let i = 0; i < border.length; i++) if (border.charCodeAt(i) === 43) columns.push(i);
  let open: (UnitBuilder | undefined)[] = [];
  const finishAll = (): void => {
    for (const unit of open) unit?.finish(units);
    open = [];
  };
  for (let m = first + 1; m < end; m++) {
    const start = lines.lineStart(m) + left;
    const lineEnd = lines.lineEnd(m);
    const head = text.charCodeAt(start);
    if (head === 43) {
      finishAll();
      continue;
    }
    if (head !== 124) continue;
    for (let c = 0; c + 1 < columns.length;) {
      // A cell runs to the next boundary that holds a `|`.
      let next = c + 1;
      while (next + 1 < columns.length && text.charCodeAt(start + columns[next]!) !== 124) next++;
      const cellStart = start + columns[c]! + 1;
      const cellEnd = Math.min(lineEnd, start + columns[next]!);
      if (cellEnd > cellStart) addText(cellStart, cellEnd, (open[c] ??= new UnitBuilder(text)));
      c = next;
    }
  }
  finishAll();
}

/**
 * The cells of the simple table whose top border is line `first`: one unit
 * per cell of each row (a row whose first column is blank continues the row
 * above it). Returns the line after the table's last border.
 */
export function simpleTableCells(
  lines: TableLines,
  first: number,
  to: number,
  left: number,
  addText: AddCellText,
  units: ProseUnit[],
): number {
  const text = lines.text;
  const border = text.slice(lines.lineStart(first) + left, lines.lineEnd(first));
  const columns: number[] = [];
  for (let i = 0; i < border.length; i++) if (border.charCodeAt(i) === 61 && (i === 0 || border.charCodeAt(i - 1) === 32)) columns.push(i);
  let row: UnitBuilder[] = [];
  const finishRow = (): void => {
    for (const unit of row) unit.finish(units);
    row = [];
  };
  let m = first + 1;
  for (; m < to; m++) {
    if (lines.isBlank(m)) continue;
    const start = lines.lineStart(m) + left;
    const lineEnd = lines.lineEnd(m);
    const line = text.slice(start, lineEnd);
    if (SIMPLE_BORDER.test(line)) {
      finishRow();
      // The border after the body ends the table: a blank line or the end follows it.
      if (m + 1 >= to || lines.isBlank(m + 1)) return m + 1;
      continue;
    }
    if (SIMPLE_UNDERLINE.test(line)) continue;
    const continues = row.length > 0 && text.slice(start, Math.min(lineEnd, start + (columns[1] ?? lineEnd - start))).trim().length === 0;
    if (!continues) {
      finishRow();
      row = columns.map(() => new UnitBuilder(text));
    }
    for (let c = 0; c < columns.length; c++) {
      const cellStart = start + columns[c]!;
      const cellEnd = c + 1 < columns.length ? Math.min(lineEnd, start + columns[c + 1]!) : lineEnd;
      if (cellEnd > cellStart) addText(cellStart, cellEnd, row[c]!);
    }
  }
  finishRow();
  return m;
}
