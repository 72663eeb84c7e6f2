import type { CheckResult, DocumentEdit, DocumentKind, DocumentSession, Finding, Fix, OffsetRange, Problem, TermOccurrence } from '../api';
import type { GlossaryIndex } from '../glossary/glossaryIndex';
import { scanMarkdownBlocks } from '../prose/markdown';
import { scanPlainTextBlocks } from '../prose/plaintext';
import type { ProseBlock } from '../prose/prose';
import type { RuleSet, SeverityResolver } from '../rules/ruleSet';
import { applySuppressions } from '../suppressions/suppressions';
import { LineIndex } from '../text/lineIndex';
import { tokenizeUnit } from '../text/tokenize';

/**
 * A block with the findings its prose produced. Offsets inside `checked` are
 * those of the text the block was checked in; `delta` moves them to the
 * current text, so an edit above a block costs one small object, not a copy
 * of its findings and segments.
 */
interface CheckedBlock {
  readonly checked: { readonly block: ProseBlock; readonly findings: readonly Finding[] };
  readonly delta: number;
  readonly start: number;
  readonly end: number;
}

/** The block scanner for a kind of document. */
export function blockScanner(kind: DocumentKind): (text: string, from?: number) => Generator<ProseBlock> {
  return kind === 'markdown' ? scanMarkdownBlocks : scanPlainTextBlocks;
}

function checkBlock(text: string, block: ProseBlock, ruleSet: RuleSet, severityOf: SeverityResolver): CheckedBlock {
  const findings: Finding[] = [];
  for (const unit of block.units) {
    if (!ruleSet.unitFilter.mayContain(text, unit)) continue;
    tokenizeUnit(text, unit, (sentence) => ruleSet.checkSentence(sentence, severityOf, (finding) => findings.push(finding)));
  }
  return { checked: { block, findings }, delta: 0, start: block.start, end: block.end };
}

function moveBlock(block: CheckedBlock, delta: number): CheckedBlock {
  return delta === 0 ? block : { checked: block.checked, delta: block.delta + delta, start: block.start + delta, end: block.end + delta };
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

/** The block as it sits in the current text. */
function currentBlock(block: CheckedBlock): ProseBlock {
  const { delta } = block;
  const original = block.checked.block;
  if (delta === 0) return original;
  return {
    start: block.start,
    end: block.end,
    units: original.units.map((unit) => ({ segments: unit.segments.map((segment) => shiftSpan(segment, delta)) })),
    comments: original.comments.map((comment) => shiftSpan(comment, delta)),
  };
}

const FRONT_MATTER_OPENER = /^(?:---|\+\+\+)[ \t]*(?:\r\n|\n|\r)/;
const FRONT_MATTER_CLOSER = /(?:\r\n|\n|\r)(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r\n|\n|\r|$)/;

/** True when the text starts like front matter but its first block does not close it. */
function opensUnclosedFrontMatter(text: string, firstBlock: CheckedBlock | undefined): boolean {
  if (!FRONT_MATTER_OPENER.test(text)) return false;
  if (!firstBlock) return true;
  return !FRONT_MATTER_CLOSER.test(text.slice(3, firstBlock.end));
}

/**
 * Checks documents block by block and keeps the checked blocks, so that an
 * edit re-scans only from the block it touches until the scan meets a block
 * boundary that the old text also had; the blocks after it are reused, moved by
 * the edit's length change.
 */
export class IncrementalDocument implements DocumentSession {
  private blocks: CheckedBlock[] = [];
  private current: CheckResult | undefined;
  private lineIndex: LineIndex | undefined;

  constructor(
    private textValue: string,
    private readonly kind: DocumentKind,
    private readonly file: string,
    private readonly ruleSet: RuleSet,
    private readonly severityOf: SeverityResolver,
    private readonly glossary: GlossaryIndex,
  ) {
    this.blocks = this.scanFrom(0, () => false);
  }

  get text(): string {
    return this.textValue;
  }

  /** The prose blocks of the current text, for hovers. */
  proseBlocks(): readonly ProseBlock[] {
    return this.blocks.map(currentBlock);
  }

  /** The block that contains `offset`. */
  blockAt(offset: number): ProseBlock | undefined {
    const index = this.indexOfBlockAt(offset);
    return index < 0 ? undefined : currentBlock(this.blocks[index]!);
  }

  termAt(offset: number): TermOccurrence | undefined {
    const block = this.blockAt(offset);
    return block ? this.glossary.termAt(this.textValue, block, offset) : undefined;
  }

  update(edits: readonly DocumentEdit[]): CheckResult {
    for (const edit of edits) this.applyEdit(edit);
    return this.result();
  }

  result(): CheckResult {
    if (!this.current) {
      const findings = this.blocks.flatMap((block) => block.checked.findings.map((finding) => shiftFinding(finding, block.delta)));
      const comments = this.blocks.flatMap((block) => block.checked.block.comments.map((comment) => shiftSpan(comment, block.delta)));
      this.lineIndex = undefined;
      const positionOf = (offset: number): { line: number; column: number } => {
        this.lineIndex ??= new LineIndex(this.textValue);
        const position = this.lineIndex.positionAt(offset);
        return { line: position.line, column: position.character };
      };
      const suppressed = applySuppressions(this.textValue, this.file, findings, comments, positionOf);
      this.current = { findings: suppressed.findings, problems: suppressed.problems as Problem[] };
    }
    return this.current;
  }

  private scanFrom(from: number, canStopAt: (blockStart: number) => number | false): CheckedBlock[] {
    const fresh: CheckedBlock[] = [];
    for (const block of blockScanner(this.kind)(this.textValue, from)) {
      fresh.push(checkBlock(this.textValue, block, this.ruleSet, this.severityOf));
      if (block.end < this.textValue.length && canStopAt(block.end) !== false) break;
    }
    return fresh;
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

  private applyEdit(edit: DocumentEdit): void {
    const oldText = this.textValue;
    const start = Math.max(0, Math.min(edit.range.start, oldText.length));
    const end = Math.max(start, Math.min(edit.range.end, oldText.length));
    this.textValue = oldText.slice(0, start) + edit.newText + oldText.slice(end);
    this.current = undefined;
    const delta = edit.newText.length - (end - start);
    const editEndInNewText = start + edit.newText.length;

    // Start one block early: deleting the blank line between two blocks merges them.
    // An unclosed front matter block can be closed by a line typed anywhere below it.
    const first = this.kind === 'markdown' && opensUnclosedFrontMatter(oldText, this.blocks[0]) ? 0 : Math.max(0, this.indexOfBlockAt(start) - 1);
    const restartAt = this.blocks.length > 0 ? this.blocks[first]!.start : 0;
    let resumeIndex = -1;
    const canStopAt = (blockEnd: number): number | false => {
      if (blockEnd <= editEndInNewText) return false;
      const oldOffset = blockEnd - delta;
      if (oldOffset <= end) return false;
      const index = this.indexOfBlockAt(oldOffset);
      if (index >= 0 && this.blocks[index]!.start === oldOffset) {
        resumeIndex = index;
        return index;
      }
      return false;
    };
    const fresh = this.scanFrom(restartAt, canStopAt);
    const tail = resumeIndex >= 0 ? this.blocks.slice(resumeIndex).map((block) => moveBlock(block, delta)) : [];
    this.blocks = [...this.blocks.slice(0, first), ...fresh, ...tail];
  }
}
