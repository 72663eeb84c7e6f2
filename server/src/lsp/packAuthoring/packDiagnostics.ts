/**
 * Diagnostics of an open rule pack or config as it is typed.
 *
 * Packs: every problem of loading the text (YAML and schema errors, patterns
 * that do not parse, unknown word sets, set cycles, duplicate rule ids,
 * rules without examples). Configs: the problems of parsing the text, every
 * `packs` entry that does not exist on disk, and every `rules` key that names
 * no known rule (or category). Diagnostics are built like those of pack and
 * config files that are not open (see diagnostics.ts), so a problem keeps
 * its code when its file is opened.
 */
import { existsSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Problem } from '../../engine/api';
import { problemToDiagnostic } from '../diagnostics';
import type { PositionMap } from '../positions';
import type { PackContext, PackDocumentAnalysis } from './packContext';

/** The problems of a pack or config document's current text. */
export function packProblems(analysis: PackDocumentAnalysis, context: PackContext): Problem[] {
  if (analysis.kind === 'pack') return [...(analysis.loaded?.problems ?? [])];
  const parsed = analysis.config;
  if (!parsed) return [];
  const problems: Problem[] = [...parsed.problems];
  if (!parsed.config) return problems;
  const at = (
    location: { line: number; column: number; range: { start: number; end: number } },
    message: string,
    code: string,
    severity: Problem['severity'],
  ): Problem => ({
    file: analysis.uri,
    line: location.line,
    column: location.column,
    range: location.range,
    severity,
    message,
    code,
  });

  for (const { index, written, path } of context.listedPacks(analysis)) {
    if (path === undefined || existsSync(path)) continue;
    problems.push(at(parsed.locate(['packs', index]), `pack file not found: \`${written}\` (looked for ${path})`, 'pack-missing', 'error'));
  }

  const rules = context.knownRules(analysis);
  const ids = new Set(rules.map((rule) => rule.id));
  const categories = new Set(rules.map((rule) => rule.category));
  for (const key of Object.keys(parsed.config.rules ?? {})) {
    if (key.startsWith('pack:') || key === '*') continue;
    const isCategory = key.startsWith('category:');
    if (isCategory ? categories.has(key.slice('category:'.length)) : ids.has(key)) continue;
    const what = isCategory ? 'category' : 'rule';
    problems.push(
      at(parsed.locateKey(['rules', key]), `unknown ${what} \`${key.replace(/^category:/, '')}\` in \`rules\``, 'unknown-rule', 'warning'),
    );
  }
  return problems;
}

/** The as-you-type diagnostics of a pack or config document. */
export function packDiagnostics(analysis: PackDocumentAnalysis, context: PackContext, map: PositionMap): Diagnostic[] {
  return packProblems(analysis, context).map((problem) => problemToDiagnostic(problem, map));
}
