/**
 * Hovers: on a finding, what its message lacks (why, what to write instead,
 * the documentation link); on a glossary term, the term's entry in brief.
 * The text comes from engine/rules/ruleText.ts, the findings and
 * terms from the cached check of the hovered version (the findings, and the
 * session's already scanned blocks for terms); no rule runs for a hover.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Engine, Finding, OffsetRange } from '../engine/api';
import type { CheckedDocument } from './checkScheduler';
import { findingHoverMarkdown, glossaryHoverMarkdown } from '../engine/rules/ruleText';
import { toRange, type PositionMap } from './positions';

/** The findings whose range covers `offset` (start inclusive, end exclusive; an empty range covers its point). */
export function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings.filter(
    ({ range }) => (range.start <= offset && offset < range.end) || (range.start === range.end && range.start === offset),
  );
}

/** Markdown for a finding: what its message lacks (see `findingHoverMarkdown`). */
export function renderFinding(finding: Finding, engine: Engine): string {
  return findingHoverMarkdown(finding, engine.rule(finding.ruleId));
}

/**
 * The hover at `offset` of a checked version whose text `map` describes:
 * the findings there if any, else the glossary term there, else null.
 */
export function hoverAt(checked: CheckedDocument, map: PositionMap, offset: number): Hover | null {
  if (!checked.project || !checked.session) return null;
  const found = findingsAt(checked.findings, offset);
  if (found.length > 0) {
    const range: OffsetRange = {
      start: Math.min(...found.map((finding) => finding.range.start)),
      end: Math.max(...found.map((finding) => finding.range.end)),
    };
    const parts = found.map((finding) => renderFinding(finding, checked.project!.engine)).filter((part) => part !== '');
    // A rule with no reason, alternatives or link has nothing to add to its message.
    if (parts.length === 0) return null;
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(map, range) };
  }
  const term = checked.session.termAt(offset);
  if (!term) return null;
  return { contents: { kind: MarkupKind.Markdown, value: glossaryHoverMarkdown(term.entry) }, range: toRange(map, term.range) };
}
