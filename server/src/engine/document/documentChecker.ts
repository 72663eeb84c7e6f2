/**
 * Checks a whole document: reads it into blocks with the kind's reader, runs
 * the rules on each block's sentences and applies suppressions; and, for an
 * open document, re-checks only the blocks an edit touches.
 */
import type {
  CheckResult,
  DocumentEdit,
  DocumentKind,
  DocumentSession,
  Finding,
  FindingsSplice,
  Fix,
  OffsetRange,
  Problem,
  TermOccurrence,
} from '../api';
import type { GlossaryIndex } from '../rules/glossaryIndex';
import type { CommentSpan, ProseBlock } from '../prose/prose';
import type { DocumentReader } from '../prose/reader';
import { readerFor } from '../prose/readers';
import type { RuleSet, SeverityResolver } from '../rules/ruleSet';
import { applySuppressions, type LineLookup } from './suppressions';
import { LineIndex, lineBreakFrom, lineStartBefore } from '../text/lineIndex';
import { tokenizeUnit } from '../text/tokenize';

/**
 * The part of a scanned block kept after checking it. Its prose units are
 * not kept: they take more memory than the text (an object per line and per
 * inline span), and only a hover needs them, which scans the block again.
 */
interface KeptBlock {
  readonly start: number;
  readonly end: number;
  readonly comments: readonly CommentSpan[];
  /** The block's context, for scanning from its start again (see `DocumentReader.scanBlocks`). */
  readonly context?: string;
}

/** What checking one block produced, in the offsets of the window it was scanned in. */
interface BlockResult {
  readonly block: KeptBlock;
  readonly findings: readonly Finding[];
  /** The findings moved to document offsets, for the last `delta` asked. */
  shifted?: { readonly delta: number; readonly findings: readonly Finding[] };
}

/**
 * A checked block. It was scanned in `source`, a window of the document text;
 * offsets inside `checked` are offsets in that window, and `delta` moves them
 * to the current document. Keeping each block's own window (instead of one
 * string for the whole document) is what lets an edit cost time in proportion
 * to the blocks it touches: no keystroke copies or re-reads the whole text.
 */
class CheckedBlock {
  constructor(
    readonly source: string,
    readonly checked: BlockResult,
    public delta: number,
    public start: number,
    public end: number,
  ) {}

  /** Moves the block in place (blocks after an edit), so a keystroke allocates nothing per block. */
  move(delta: number): void {
    this.delta += delta;
    this.start += delta;
    this.end += delta;
  }

  /** True when the block holds a comment that may be a suppression directive. */
  get hasDirective(): boolean {
    return this.checked.block.comments.some((comment) => comment.body.startsWith(DIRECTIVE_PREFIX));
  }
}

/** Suppression directives are comments that start with this. */
const DIRECTIVE_PREFIX = 'termguard-';

/** The block scanner for a kind of document. */
export function blockScanner(kind: DocumentKind): (text: string, from?: number) => IterableIterator<ProseBlock> {
  const reader = readerFor(kind);
  return (text, from) => reader.scanBlocks(text, from);
}

/** Adds the findings of a block's prose, scanned in `source`, to `findings`. */
function checkUnits(source: string, block: ProseBlock, ruleSet: RuleSet, severityOf: SeverityResolver, findings: Finding[]): void {
  for (const unit of block.units) {
    if (!ruleSet.unitFilter.mayContain(source, unit)) continue;
    // Sentences of one unit share a context, so a pronoun can refer back to the sentence before.
    const context = {};
    tokenizeUnit(source, unit, (sentence) =>
      ruleSet.checkSentence(sentence, severityOf, (finding) => findings.push(finding), context, source),
    );
  }
}

/**
 * Checks a whole text once (`Engine.check`): the same scan and the same
 * result as an {@link IncrementalDocument}, but keeping nothing per block,
 * so a large document costs less memory and garbage collection.
 */
export function checkText(text: string, kind: DocumentKind, file: string, ruleSet: RuleSet, severityOf: SeverityResolver): CheckResult {
  const findings: Finding[] = [];
  const directives: CommentSpan[] = [];
  for (const block of readerFor(kind).scanBlocks(text, 0)) {
    checkUnits(text, block, ruleSet, severityOf, findings);
    for (const comment of block.comments) if (comment.body.startsWith(DIRECTIVE_PREFIX)) directives.push(comment);
  }
  if (directives.length === 0) return { findings, problems: [] };
  return suppress(textLineLookup(text), file, findings, directives, () => text);
}

/** Applies suppression comments; the text is assembled for line numbers only if a problem needs one. */
function suppress(
  lines: LineLookup,
  file: string,
  findings: readonly Finding[],
  comments: readonly CommentSpan[],
  text: () => string,
): CheckResult {
  let lineIndex: LineIndex | undefined;
  const suppressed = applySuppressions(lines, file, findings, comments, (offset) => {
    lineIndex ??= new LineIndex(text());
    const position = lineIndex.positionAt(offset);
    return { line: position.line, column: position.character };
  });
  return { findings: suppressed.findings, problems: suppressed.problems as Problem[] };
}

/** Line questions answered from a whole text, lines ending as LineIndex reads them (`\n`, `\r\n`, a lone `\r`). */
function textLineLookup(text: string): LineLookup {
  return {
    lineStart: (offset) => lineStartBefore(text, offset),
    nextNonBlankLine: (offset) => {
      const lineBreak = lineBreakFrom(text, offset);
      return lineBreak ? nonBlankLineFrom(text, lineBreak.next, text.length) : undefined;
    },
  };
}

/** The first line starting at or after line start `from`, before `limit`, that holds something other than spaces. */
function nonBlankLineFrom(text: string, from: number, limit: number): { start: number; end: number } | undefined {
  for (let start = from; start < limit;) {
    const lineBreak = lineBreakFrom(text, start, limit);
    const end = lineBreak ? lineBreak.start : limit;
    if (text.slice(start, end).trim().length > 0) return { start, end };
    if (!lineBreak) return undefined;
    start = lineBreak.next;
  }
  return undefined;
}

/** Checks a block scanned in `source`, whose offset 0 is document offset `delta`. */
function checkBlock(source: string, delta: number, block: ProseBlock, ruleSet: RuleSet, severityOf: SeverityResolver): CheckedBlock {
  const findings: Finding[] = [];
  checkUnits(source, block, ruleSet, severityOf, findings);
  const kept: KeptBlock =
    block.context === undefined
      ? { start: block.start, end: block.end, comments: block.comments }
      : { start: block.start, end: block.end, comments: block.comments, context: block.context };
  return new CheckedBlock(source, { block: kept, findings }, delta, block.start + delta, block.end + delta);
}

function countFindings(blocks: readonly CheckedBlock[], from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) count += blocks[i]!.checked.findings.length;
  return count;
}

function countDirectiveBlocks(blocks: readonly CheckedBlock[], from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (blocks[i]!.hasDirective) count++;
  return count;
}

/** `blocks` with `[from, to)` replaced by `replacement`, in place when that is cheap. */
function spliceBlocks(blocks: CheckedBlock[], from: number, to: number, replacement: readonly CheckedBlock[]): CheckedBlock[] {
  // Spreading a long replacement into splice's arguments could overflow the stack.
  if (replacement.length > 10_000) return [...blocks.slice(0, from), ...replacement, ...blocks.slice(to)];
  blocks.splice(from, to - from, ...replacement);
  return blocks;
}

/** The block's own text. */
function blockText(block: CheckedBlock): string {
  return block.source.slice(block.checked.block.start, block.checked.block.end);
}

/** Findings in document offsets, cached per block for as long as the block does not move. */
function findingsInDocument(block: CheckedBlock): readonly Finding[] {
  const checked = block.checked;
  if (checked.shifted?.delta === block.delta) return checked.shifted.findings;
  const findings = checked.findings.map((finding) => shiftFinding(finding, block.delta));
  checked.shifted = { delta: block.delta, findings };
  return findings;
}

function shiftRange(range: OffsetRange, delta: number): OffsetRange {
  return { start: range.start + delta, end: range.end + delta };
}

function shiftFinding(finding: Finding, delta: number): Finding {
  if (delta === 0) return finding;
  const fixes: Fix[] = finding.fixes.map((fix) => ({
    ...fix,
    edits: fix.edits.map((edit) => ({ ...edit, range: shiftRange(edit.range, delta) })),
  }));
  return { ...finding, range: shiftRange(finding.range, delta), fixes };
}

function shiftSpan<T extends { start: number; end: number }>(span: T, delta: number): T {
  return delta === 0 ? span : { ...span, start: span.start + delta, end: span.end + delta };
}

/**
 * Checks documents block by block and keeps the checked blocks, so that an
 * edit re-scans only from the block it touches until the scan meets a block
 * boundary that the old text also had; the blocks after it are reused, moved by
 * the edit's length change.
 */
export class IncrementalDocument implements DocumentSession {
  private blocks: CheckedBlock[] = [];
  private readonly reader: DocumentReader;
  /** How many blocks hold a suppression directive. */
  private directiveBlocks = 0;
  private current: CheckResult | undefined;
  private textCache: string | undefined;
  private length: number;

  constructor(
    text: string,
    kind: DocumentKind,
    private readonly file: string,
    private readonly ruleSet: RuleSet,
    private readonly severityOf: SeverityResolver,
    private readonly glossary: GlossaryIndex,
  ) {
    this.reader = readerFor(kind);
    this.length = text.length;
    this.readAll(text);
  }

  /** Reads and checks the whole of `text`, which becomes the document's text. */
  private readAll(text: string): void {
    this.textCache = text;
    this.blocks = [];
    for (const block of this.reader.scanBlocks(text, 0)) this.blocks.push(checkBlock(text, 0, block, this.ruleSet, this.severityOf));
    this.directiveBlocks = countDirectiveBlocks(this.blocks, 0, this.blocks.length);
  }

  /** The current text, assembled from the blocks' windows on first use after an edit. */
  get text(): string {
    this.textCache ??= this.blocks.map(blockText).join('');
    return this.textCache;
  }

  termAt(offset: number): TermOccurrence | undefined {
    const index = this.indexOfBlockAt(offset);
    if (index < 0) return undefined;
    const block = this.blocks[index]!;
    // Scanning from a block's own start yields that block again (the scanners promise it).
    const kept = block.checked.block;
    const scanned = this.reader.scanBlocks(block.source, kept.start, kept.context).next();
    if (scanned.done) return undefined;
    const found = this.glossary.termAt(block.source, scanned.value, offset - block.delta);
    return found ? { entry: found.entry, range: shiftRange(found.range, block.delta) } : undefined;
  }

  update(edits: readonly DocumentEdit[]): CheckResult {
    for (const edit of edits) this.applyEdit(edit);
    return this.result();
  }

  applyEdits(edits: readonly DocumentEdit[]): FindingsSplice | undefined {
    if (edits.length !== 1) {
      for (const edit of edits) this.applyEdit(edit);
      return undefined;
    }
    // With suppression comments, a finding's fate depends on comments elsewhere: no local answer.
    const local = this.directiveBlocks === 0;
    const splice = this.applyEdit(edits[0]!);
    return local && this.directiveBlocks === 0 ? splice : undefined;
  }

  result(): CheckResult {
    if (!this.current) {
      const findings: Finding[] = [];
      const comments: CommentSpan[] = [];
      for (const block of this.blocks) {
        if (block.checked.findings.length > 0) for (const finding of findingsInDocument(block)) findings.push(finding);
        // Only comments that can be directives matter; most documents have none.
        for (const comment of block.checked.block.comments)
          if (comment.body.startsWith(DIRECTIVE_PREFIX)) comments.push(shiftSpan(comment, block.delta));
      }
      this.current = suppress(this.lineLookup(), this.file, findings, comments, () => this.text);
    }
    return this.current;
  }

  /** Line lookups that read only the blocks they need (lines never cross blocks). */
  private lineLookup(): LineLookup {
    const blockOf = (offset: number): CheckedBlock | undefined => this.blocks[this.indexOfBlockAt(offset)];
    return {
      lineStart: (offset) => {
        const block = blockOf(offset);
        if (!block) return 0;
        return lineStartBefore(block.source, offset - block.delta, block.checked.block.start) + block.delta;
      },
      nextNonBlankLine: (offset) => {
        let index = this.indexOfBlockAt(offset);
        let from = offset;
        for (; index >= 0 && index < this.blocks.length; index++, from = this.blocks[index]?.start ?? 0) {
          const block = this.blocks[index]!;
          const end = block.checked.block.end;
          let local = from - block.delta;
          // Skip the rest of the line `offset` is on; later blocks start at a line start.
          if (from === offset) {
            const lineBreak = lineBreakFrom(block.source, local, end);
            if (!lineBreak) continue;
            local = lineBreak.next;
          }
          const line = nonBlankLineFrom(block.source, local, end);
          if (line) return { start: line.start + block.delta, end: line.end + block.delta };
        }
        return undefined;
      },
    };
  }

  private indexOfBlockAt(offset: number): number {
    let low = 0;
    let high = this.blocks.length - 1;
    if (high < 0) return -1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.blocks[mid]!.start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Applies one edit; returns how the findings changed. */
  private applyEdit(edit: DocumentEdit): FindingsSplice {
    const start = Math.max(0, Math.min(edit.range.start, this.length));
    const end = Math.max(start, Math.min(edit.range.end, this.length));
    const delta = edit.newText.length - (end - start);
    const editEndInNewText = start + edit.newText.length;
    this.current = undefined;
    this.textCache = undefined;
    this.length += delta;
    if (this.blocks.length === 0) {
      this.blocks = this.scanWindow(edit.newText, 0, { from: 0 }, true).blocks;
      this.directiveBlocks = countDirectiveBlocks(this.blocks, 0, this.blocks.length);
      return {
        start: 0,
        removed: 0,
        added: this.blocks.flatMap((block) => [...findingsInDocument(block)]),
        delta,
        unchangedFrom: this.length,
      };
    }

    // Start one block early: deleting the blank line between two blocks merges them.
    // Unclosed front matter can be closed by a line typed anywhere below it.
    const editBlock = this.indexOfBlockAt(start);
    const first = this.preambleOpenBefore(editBlock) ? 0 : Math.max(0, editBlock - 1);
    const lastTouched = this.indexOfBlockAt(Math.max(start, end - 1));
    const windowStart = this.blocks[first]!.start;
    const context = this.blocks[first]!.checked.block.context;
    // Scan a window of old blocks with the edit applied; widen it until the scan
    // meets an old block boundary (resynchronises) or reaches the end.
    for (let extra = 2; ; extra *= 2) {
      const last = Math.min(this.blocks.length - 1, lastTouched + extra);
      const reachesEnd = last === this.blocks.length - 1;
      const oldWindow = this.blocks
        .slice(first, last + 1)
        .map(blockText)
        .join('');
      const window = oldWindow.slice(0, start - windowStart) + edit.newText + oldWindow.slice(end - windowStart);
      // Whether text at the very top is front matter depends on a closing line that may be anywhere below.
      if (windowStart === 0 && !reachesEnd && this.reader.opensUnclosedPreamble?.(window)) continue;
      // Blocks ending inside the last old block may need text beyond the window to be sure of their end.
      const certainUpTo = reachesEnd ? Infinity : window.length - (this.blocks[last]!.end - this.blocks[last]!.start);
      const canStopAt = (blockEnd: number): number | false => {
        if (blockEnd <= editEndInNewText) return false;
        const oldOffset = blockEnd - delta;
        if (oldOffset <= end) return false;
        const index = this.indexOfBlockAt(oldOffset);
        return index >= 0 && this.blocks[index]!.start === oldOffset ? index : false;
      };
      // Only document offset 0 may open front matter: a window that starts later is scanned
      // behind a one-character blank line, which the scanner reads as a block of its own.
      const lead = windowStart === 0 ? '' : '\n';
      const scanned = this.scanWindow(
        lead + window,
        windowStart - lead.length,
        { from: lead.length, context },
        reachesEnd,
        certainUpTo + lead.length,
        canStopAt,
      );
      if (context !== undefined && scanned.blocks.some((block) => block.checked.block.context !== context))
        return this.rereadAfter(edit, start, end, delta);
      if (scanned.resumeIndex === undefined && !reachesEnd) continue;
      const resumeIndex = scanned.resumeIndex ?? this.blocks.length;
      const kept = countFindings(this.blocks, 0, first);
      const removed = countFindings(this.blocks, first, resumeIndex);
      this.directiveBlocks +=
        countDirectiveBlocks(scanned.blocks, 0, scanned.blocks.length) - countDirectiveBlocks(this.blocks, first, resumeIndex);
      if (delta !== 0) for (let i = resumeIndex; i < this.blocks.length; i++) this.blocks[i]!.move(delta);
      const unchangedFrom = resumeIndex < this.blocks.length ? this.blocks[resumeIndex]!.start : this.length;
      this.blocks = spliceBlocks(this.blocks, first, resumeIndex, scanned.blocks);
      const added: Finding[] = [];
      for (const block of scanned.blocks)
        if (block.checked.findings.length > 0) for (const finding of findingsInDocument(block)) added.push(finding);
      return { start: kept, removed, added, delta, unchangedFrom };
    }
  }

  /**
   * Applies an edit by reading the whole new text again: the edit changed a
   * setting that every block's reading depends on (a notebook's language).
   */
  private rereadAfter(edit: DocumentEdit, start: number, end: number, delta: number): FindingsSplice {
    const old = this.blocks.map(blockText).join('');
    const removed = countFindings(this.blocks, 0, this.blocks.length);
    this.readAll(old.slice(0, start) + edit.newText + old.slice(end));
    const added: Finding[] = [];
    for (const block of this.blocks) for (const finding of block.checked.findings) added.push(finding);
    return { start: 0, removed, added, delta, unchangedFrom: this.length };
  }

  /**
   * True when the blocks before block `index` open a preamble (front matter)
   * that they do not close, so an edit from block `index` on may change what
   * the first block is. Reads the blocks from the top in doubling steps, so
   * the cost is about the text that decides the question, not the document.
   */
  private preambleOpenBefore(index: number): boolean {
    const reader = this.reader;
    if (!reader.opensUnclosedPreamble || index <= 0) return false;
    for (let count = 1; ; count = Math.min(index, count * 2)) {
      if (!reader.opensUnclosedPreamble(this.blocks.slice(0, count).map(blockText).join(''))) return false;
      if (count === index) return true;
    }
  }

  /**
   * Scans `window` (document offset `windowStart`) block by block, from
   * `start.from` with the context of the block there. Stops at a block end
   * where `canStopAt` finds an old block to resume from; gives up (no resume
   * index, incomplete) when it reaches blocks it cannot be sure of.
   */
  private scanWindow(
    window: string,
    windowStart: number,
    start: { readonly from: number; readonly context?: string },
    reachesEnd: boolean,
    certainUpTo = Infinity,
    canStopAt: (blockEnd: number) => number | false = () => false,
  ): { blocks: CheckedBlock[]; resumeIndex?: number } {
    const blocks: CheckedBlock[] = [];
    for (const block of this.reader.scanBlocks(window, start.from, start.context)) {
      if (!reachesEnd && block.end > certainUpTo) return { blocks };
      blocks.push(checkBlock(window, windowStart, block, this.ruleSet, this.severityOf));
      if (block.end < window.length || !reachesEnd) {
        const resumeIndex = canStopAt(windowStart + block.end);
        if (resumeIndex !== false) return { blocks, resumeIndex };
      }
    }
    return { blocks };
  }
}
