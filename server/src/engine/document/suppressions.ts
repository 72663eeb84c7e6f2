/**
 * Suppression comments (`termguard-disable`, `-enable`, `-disable-next-line`,
 * `-disable-file`): reading them and dropping the findings they cover.
 */
import type { CommentSyntax } from '../prose/reader';
import type { Finding, Problem } from '../api';
import type { CommentSpan } from '../prose/prose';

/** The forms a suppression comment can take. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-file';

/** A parsed `<!-- termguard-... -->` comment. */
export interface Directive {
  readonly kind: DirectiveKind;
  /** The rule ids named; empty means every rule. */
  readonly rules: readonly string[];
  readonly comment: CommentSpan;
}

const DIRECTIVE = /^termguard-(disable-next-line|disable-file|disable|enable)(?:\s+(.*))?$/s;

/** Reads a comment body as a directive, if it is one. */
export function parseDirective(comment: CommentSpan): Directive | undefined {
  const match = DIRECTIVE.exec(comment.body.trim());
  if (!match) return undefined;
  const rules = (match[2] ?? '')
    .split(/[\s,]+/)
    .map((rule) => rule.trim())
    .filter((rule) => rule.length > 0 && rule !== '--' && !rule.startsWith('--'));
  return { kind: match[1] as DirectiveKind, rules, comment };
}

/**
 * A suppression comment a user can insert before a line, for editors'
 * "disable for this line" actions, written in the document's comment syntax
 * (HTML comments, as Markdown's, when none is given).
 */
export function nextLineDirectiveText(ruleId: string, syntax: CommentSyntax = HTML_COMMENT): string {
  const close = syntax.close === '' ? '' : ` ${syntax.close}`;
  return `${syntax.open} termguard-disable-next-line ${ruleId}${close}`;
}

const HTML_COMMENT: CommentSyntax = { open: '<!--', close: '-->' };

function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** The line questions suppressions ask of a document, answered without needing its whole text. */
export interface LineLookup {
  /** The offset where the line holding `offset` starts. */
  lineStart(offset: number): number;
  /** The first line after the line holding `offset` that holds something other than spaces. */
  nextNonBlankLine(offset: number): { start: number; end: number } | undefined;
}

/**
 * Drops the findings that suppression comments cover and reports, as hints,
 * the comments that suppress nothing. Directives are applied in document
 * order: `disable` ... `enable` covers the text between them,
 * `disable-next-line` the next non-blank line, `disable-file` the whole file.
 */
export function applySuppressions(
  lines: LineLookup,
  file: string,
  findings: readonly Finding[],
  comments: readonly CommentSpan[],
  positionOf: (offset: number) => { line: number; column: number },
): { findings: Finding[]; problems: Problem[] } {
  const directives = comments.map(parseDirective).filter((d): d is Directive => d !== undefined);
  if (directives.length === 0) return { findings: [...findings], problems: [] };
  const used = new Set<Directive>();

  const fileWide = directives.filter((directive) => directive.kind === 'disable-file');
  // The next non-blank line of each disable-next-line comment, by that line's start offset.
  const byNextLine = new Map<number, Directive[]>();
  for (const directive of directives) {
    if (directive.kind !== 'disable-next-line') continue;
    const line = lines.nextNonBlankLine(directive.comment.end);
    if (!line) continue;
    const list = byNextLine.get(line.start) ?? [];
    list.push(directive);
    byNextLine.set(line.start, list);
  }
  const ranges = directives.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable');

  // One sweep in document order: for each rule, the last disable/enable before a finding decides.
  const order = findings.map((_, index) => index).sort((a, b) => findings[a]!.range.start - findings[b]!.range.start);
  const suppressedBy = new Array<Directive | undefined>(findings.length);
  let nextRange = 0;
  let sequence = 0;
  let lastForAll: { directive: Directive; sequence: number } | undefined;
  const lastForRule = new Map<string, { directive: Directive; sequence: number }>();
  for (const index of order) {
    const finding = findings[index]!;
    const at = finding.range.start;
    while (nextRange < ranges.length && ranges[nextRange]!.comment.end <= at) {
      const directive = ranges[nextRange++]!;
      const entry = { directive, sequence: sequence++ };
      if (directive.rules.length === 0) {
        lastForAll = entry;
        lastForRule.clear();
      } else {
        for (const rule of directive.rules) lastForRule.set(rule, entry);
      }
    }
    let directive = fileWide.find((candidate) => names(candidate, finding.ruleId));
    if (!directive) {
      const lineStart = lines.lineStart(at);
      directive = byNextLine.get(lineStart)?.find((candidate) => names(candidate, finding.ruleId));
    }
    if (!directive) {
      const forRule = lastForRule.get(finding.ruleId);
      const deciding = forRule && (!lastForAll || forRule.sequence > lastForAll.sequence) ? forRule : lastForAll;
      if (deciding?.directive.kind === 'disable') directive = deciding.directive;
    }
    suppressedBy[index] = directive;
    if (directive) used.add(directive);
  }
  const kept = findings.filter((_, index) => suppressedBy[index] === undefined);
  const problems: Problem[] = directives
    .filter((directive) => directive.kind !== 'enable' && !used.has(directive))
    .map((directive): Problem => {
      // Positions need a line index of the whole text: build it only if someone reads one.
      let position: { line: number; column: number } | undefined;
      const at = (): { line: number; column: number } => (position ??= positionOf(directive.comment.start));
      const what = directive.rules.length > 0 ? directive.rules.join(', ') : 'any rule';
      return {
        file,
        get line() {
          return at().line;
        },
        get column() {
          return at().column;
        },
        range: { start: directive.comment.start, end: directive.comment.end },
        severity: 'hint',
        message: `this termguard-${directive.kind} comment suppresses nothing: no finding of ${what} sits where it applies`,
        code: 'unused-suppression',
      };
    });
  return { findings: kept, problems };
}
