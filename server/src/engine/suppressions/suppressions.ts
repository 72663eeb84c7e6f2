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

/** A suppression comment a user can insert before a line, for editors' "disable for this line" actions. */
export function nextLineDirectiveText(ruleId: string): string {
  return `<!-- termguard-disable-next-line ${ruleId} -->`;
}

function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** The offsets of the first line after `offset`'s line that holds something other than spaces. */
function nextNonBlankLine(text: string, offset: number): { start: number; end: number } | undefined {
  let lineStart = text.indexOf('\n', offset);
  while (lineStart >= 0) {
    lineStart += 1;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.slice(lineStart, lineEnd).trim().length > 0) return { start: lineStart, end: lineEnd };
    if (lineEnd >= text.length) return undefined;
    lineStart = lineEnd;
  }
  return undefined;
}

/**
 * Drops the findings that suppression comments cover and reports, as hints,
 * the comments that suppress nothing. Directives are applied in document
 * order: `disable` ... `enable` covers the text between them,
 * `disable-next-line` the next non-blank line, `disable-file` the whole file.
 */
export function applySuppressions(
  text: string,
  file: string,
  findings: readonly Finding[],
  comments: readonly CommentSpan[],
  positionOf: (offset: number) => { line: number; column: number },
): { findings: Finding[]; problems: Problem[] } {
  const directives = comments.map(parseDirective).filter((d): d is Directive => d !== undefined);
  if (directives.length === 0) return { findings: [...findings], problems: [] };
  const used = new Set<Directive>();
  const nextLines = new Map<Directive, { start: number; end: number } | undefined>();
  for (const directive of directives) {
    if (directive.kind === 'disable-next-line') nextLines.set(directive, nextNonBlankLine(text, directive.comment.end));
  }

  const suppressor = (finding: Finding): Directive | undefined => {
    const at = finding.range.start;
    for (const directive of directives) {
      if (directive.kind === 'disable-file' && names(directive, finding.ruleId)) return directive;
      if (directive.kind === 'disable-next-line' && names(directive, finding.ruleId)) {
        const line = nextLines.get(directive);
        if (line && at >= line.start && at <= line.end) return directive;
      }
    }
    // The last disable/enable before the finding that concerns its rule decides.
    let decidingDisable: Directive | undefined;
    for (const directive of directives) {
      if (directive.comment.end > at) break;
      if (directive.kind === 'disable' && names(directive, finding.ruleId)) decidingDisable = directive;
      else if (directive.kind === 'enable' && names(directive, finding.ruleId)) decidingDisable = undefined;
    }
    return decidingDisable;
  };

  const kept: Finding[] = [];
  for (const finding of findings) {
    const directive = suppressor(finding);
    if (directive) used.add(directive);
    else kept.push(finding);
  }
  const problems: Problem[] = directives
    .filter((directive) => directive.kind !== 'enable' && !used.has(directive))
    .map((directive) => {
      const position = positionOf(directive.comment.start);
      const what = directive.rules.length > 0 ? directive.rules.join(', ') : 'any rule';
      return {
        file,
        line: position.line,
        column: position.column,
        range: { start: directive.comment.start, end: directive.comment.end },
        severity: 'hint' as const,
        message: `this termguard-${directive.kind} comment suppresses nothing: no finding of ${what} sits where it applies`,
        code: 'unused-suppression',
      };
    });
  return { findings: kept, problems };
}
