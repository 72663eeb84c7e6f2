/**
 * Hovers: on a finding, what the rule says and why; on a glossary term, the
 * term's entry. Both come from the cached check of the hovered version (the
 * findings, and the session's already scanned blocks for terms); no rule runs
 * for a hover.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Engine, Finding, GlossaryEntry, OffsetRange } from '../engine/api';
import type { CheckedDocument } from './checkScheduler';
import { ruleDocumentationUrl } from './diagnostics';
import { toRange, type PositionMap } from './positions';

/** The findings whose range covers `offset` (start inclusive, end exclusive; an empty range covers its point). */
export function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings.filter(
    ({ range }) => (range.start <= offset && offset < range.end) || (range.start === range.end && range.start === offset),
  );
}

/**
 * Markdown for a finding: the rule's reason and the approved alternatives,
 * and for the claim model's findings the words that weighed most. The
 * message itself is not repeated: editors show it with the diagnostic.
 */
export function renderFinding(finding: Finding, engine: Engine): string {
  const rule = engine.rule(finding.ruleId);
  const lines = [`**Termguard** · “${escapeMarkdown(finding.matchedText)}”`, ''];
  if (rule?.reason) lines.push(`*Why:* ${escapeMarkdown(rule.reason)}`, '');
  if (rule && rule.alternatives.length > 0) {
    lines.push('*Write instead:*', '', ...rule.alternatives.map((alternative) => `- ${escapeMarkdown(alternative)}`), '');
  }
  if (finding.evidence && finding.evidence.length > 0)
    lines.push(`*Words that weighed most:* ${finding.evidence.map((words) => `“${escapeMarkdown(words)}”`).join(', ')}`, '');
  if (finding.baselined) lines.push('_Recorded in the baseline._', '');
  lines.push(`[${finding.ruleId}](${ruleDocumentationUrl(finding.ruleId)}) · ${finding.severity}`);
  return lines.join('\n');
}

/** Markdown for a glossary entry: the term, its definition, its facts as a list and the guidance. */
export function renderGlossaryEntry(entry: GlossaryEntry): string {
  const lines = [`**${escapeMarkdown(entry.term)}**`, '', escapeMarkdown(entry.definition)];
  if (entry.facts.length > 0) lines.push('', ...entry.facts.map((fact) => `- ${escapeMarkdown(fact)}`));
  if (entry.guidance) lines.push('', `*Guidance:* ${escapeMarkdown(entry.guidance)}`);
  return lines.join('\n');
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
    return {
      contents: {
        kind: MarkupKind.Markdown,
        value: found.map((finding) => renderFinding(finding, checked.project!.engine)).join('\n\n---\n\n'),
      },
      range: toRange(map, range),
    };
  }
  const term = checked.session.termAt(offset);
  if (!term) return null;
  return { contents: { kind: MarkupKind.Markdown, value: renderGlossaryEntry(term.entry) }, range: toRange(map, term.range) };
}

/**
 * Escapes the characters that would turn pack text into unintended Markdown
 * (emphasis, links, HTML); pack authors write plain sentences.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (character) => `\\${character}`);
}
