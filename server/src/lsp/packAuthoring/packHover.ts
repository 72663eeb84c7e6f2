/**
 * Hovers in rule packs and configs: on a word-set name (`@name` in a
 * pattern, a key under `sets`, an item of `sentence-mentions` or
 * `not-followed-by`) the set's members; on a rule id (`id:` of a rule, a key
 * under a config's `rules`, a rule named in a suppression directive) the
 * rule's message, reason and severity.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { Severity } from '../../engine/api';
import { ruleSummary as messageSummary } from '../../engine/rules/ruleText';
import { toRange, type PositionMap } from '../positions';
import type { KnownSet, PackContext, PackDocumentAnalysis } from './packContext';
import { ITEM, pathAt, shapeOf } from './yamlContext';

/** At most this many members are listed in a set's hover. */
export const MAX_LISTED_MEMBERS = 50;

/** What a rule hover shows. */
interface RuleSummary {
  readonly id: string;
  readonly severity?: Severity | string;
  readonly category?: string;
  readonly message?: string;
  readonly reason?: string;
}

const SET_NAME = /[a-z0-9][a-z0-9-]*/y;
const RULE_ID = /[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*/g;

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (character) => `\\${character}`);
}

function code(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  return `${fence}${text}${fence === '`` ' ? ' ``' : '`'}`;
}

/** Markdown for a word set: its name and pack, then its members as a list (truncated). */
export function renderSet(set: KnownSet, usable = true): string {
  const lines = [
    `**@${escapeMarkdown(set.name)}** · word set of ${escapeMarkdown(set.pack)} · ${set.members.length} member${set.members.length === 1 ? '' : 's'}`,
    '',
  ];
  if (!usable) lines.push(`_Defined in the pack ${escapeMarkdown(set.pack)}: patterns of this pack cannot refer to it._`, '');
  lines.push(...set.members.slice(0, MAX_LISTED_MEMBERS).map((member) => `- ${code(member)}`));
  if (set.members.length > MAX_LISTED_MEMBERS) lines.push(`- … and ${set.members.length - MAX_LISTED_MEMBERS} more`);
  return lines.join('\n');
}

/** Markdown for a rule: id, severity and category, its message as a summary (see `ruleSummary`), reason. */
export function renderRule(rule: RuleSummary): string {
  const head = [`**${escapeMarkdown(rule.id)}**`, rule.severity, rule.category].filter(Boolean).join(' · ');
  const lines = [head];
  if (rule.message) lines.push('', escapeMarkdown(messageSummary({ message: rule.message })));
  if (rule.reason) lines.push('', `*Why:* ${escapeMarkdown(rule.reason)}`);
  return lines.join('\n');
}

/** The token matched by `pattern` (global) on `line` that covers `character`. */
function tokenAt(line: string, character: number, pattern: RegExp): { start: number; end: number; text: string } | undefined {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start <= character && character <= end) return { start, end, text: match[0] };
    if (start > character) break;
  }
  return undefined;
}

/** The `@name` reference covering `character`, name only. */
function setReferenceAt(line: string, character: number): { start: number; end: number; name: string } | undefined {
  for (let at = line.indexOf('@'); at >= 0; at = line.indexOf('@', at + 1)) {
    SET_NAME.lastIndex = at + 1;
    const match = SET_NAME.exec(line);
    if (!match) continue;
    const end = at + 1 + match[0].length;
    if (at <= character && character <= end) return { start: at, end, name: match[0] };
    if (at > character) break;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rule with `id` as this document or the known packs define it. */
function ruleSummary(analysis: PackDocumentAnalysis, context: PackContext, id: string): RuleSummary | undefined {
  if (analysis.kind === 'pack') {
    // The text as typed, even when the pack does not load.
    const written = (Array.isArray(analysis.data['rules']) ? analysis.data['rules'] : []).find(
      (rule) => isRecord(rule) && rule['id'] === id,
    );
    if (isRecord(written)) {
      const text = (key: string): string | undefined => (typeof written[key] === 'string' ? (written[key] as string) : undefined);
      const summary: RuleSummary = {
        id,
        severity: text('severity'),
        category: text('category'),
        message: text('message'),
        reason: text('reason'),
      };
      return summary;
    }
  }
  return context.knownRules(analysis).find((rule) => rule.id === id);
}

/** The hover at `position` of a pack or config document, or null. */
export function packHover(analysis: PackDocumentAnalysis, context: PackContext, position: Position, map: PositionMap): Hover | null {
  const line = analysis.lines[position.line];
  if (line === undefined) return null;
  const character = position.character;
  const lineStart = map.offsetAt({ line: position.line, character: 0 });
  const hover = (value: string, start: number, end: number): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: toRange(map, { start: lineStart + start, end: lineStart + end }),
  });
  const shape = shapeOf(line);
  const path = shape.blank ? [] : pathAt(analysis.lines, position.line, shape.keyCol, shape.dash);

  if (analysis.kind === 'pack') {
    const own = context.setsOf(analysis);
    const describeSet = (name: string, start: number, end: number): Hover | null => {
      const set = own.find((candidate) => candidate.name === name);
      if (set) return hover(renderSet(set), start, end);
      const elsewhere = context.builtinSets().find((candidate) => candidate.name === name);
      return elsewhere ? hover(renderSet(elsewhere, false), start, end) : null;
    };
    const reference = setReferenceAt(line, character);
    if (reference) return describeSet(reference.name, reference.start, reference.end);
    // A key under `sets:`.
    if (
      shape.key !== undefined &&
      path.length === 1 &&
      path[0] === 'sets' &&
      character >= shape.keyCol &&
      character <= shape.keyCol + shape.key.length
    ) {
      return describeSet(shape.key, shape.keyCol, shape.keyCol + shape.key.length);
    }
    // An item of `sentence-mentions` / `not-followed-by`.
    const owner = path[path.length - 2];
    if (
      shape.dash !== undefined &&
      shape.key === undefined &&
      path[path.length - 1] === ITEM &&
      (owner === 'sentence-mentions' || owner === 'not-followed-by')
    ) {
      const token = tokenAt(line, character, /[a-z0-9][a-z0-9-]*/g);
      if (token && token.start >= shape.keyCol - 1) return describeSet(token.text, token.start, token.end);
    }
    // `id:` of a rule.
    if (shape.key === 'id' && shape.valueCol !== undefined && path.length === 2 && path[0] === 'rules' && path[1] === ITEM) {
      const token = tokenAt(line, character, RULE_ID);
      if (token && token.start >= shape.valueCol) {
        const rule = ruleSummary(analysis, context, token.text);
        return rule ? hover(renderRule(rule), token.start, token.end) : null;
      }
    }
  } else if (
    shape.key !== undefined &&
    path.length === 1 &&
    path[0] === 'rules' &&
    character >= shape.keyCol &&
    character <= shape.keyCol + shape.key.length
  ) {
    // A key under a config's `rules:`.
    const rule = ruleSummary(analysis, context, shape.key);
    return rule ? hover(renderRule(rule), shape.keyCol, shape.keyCol + shape.key.length) : null;
  }

  // A rule named in a suppression directive.
  if (/termguard-(?:disable|enable)/.test(line)) {
    const token = tokenAt(line, character, RULE_ID);
    const rule = token ? ruleSummary(analysis, context, token.text) : undefined;
    if (token && rule) return hover(renderRule(rule), token.start, token.end);
  }
  return null;
}
