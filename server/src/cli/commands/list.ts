/**
 * `termguard list-rules` and `termguard list-terms`: the rules and glossary
 * terms of the project's packs (built-in packs and those of the nearest
 * `.termguard.yaml`, or `--config`), as an aligned table or as JSON.
 */
import type { PackSource, RuleInfo, SeverityOverride } from '../../engine/api';
import type { ListFormat } from '../args';
import type { CommandContext } from '../cliIO';
import { projectEngine } from './projectEngine';

/** Runs `termguard list-rules`; exit 2 on configuration errors. */
export function runListRules(format: ListFormat, configFile: string | undefined, context: CommandContext): number {
  const built = projectEngine(context, configFile);
  if ('exitCode' in built) return built.exitCode;
  const packNames = new Map(built.packs.map((pack) => [pack.file, packNameOf(pack)]));
  const rules = built.engine.rules().map((rule) => ({
    id: rule.id,
    severity: effectiveSeverity(rule, packNames.get(rule.source.file), built.overrides),
    defaultSeverity: rule.severity,
    category: rule.category,
    pack: packNames.get(rule.source.file) ?? null,
    message: rule.message,
    reason: rule.reason,
    alternatives: rule.alternatives,
    source: { file: rule.source.file, line: rule.source.line + 1 },
  }));
  if (format === 'json') {
    context.io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const rows = rules.map((rule) => [
    rule.id,
    rule.severity === rule.defaultSeverity ? rule.severity : `${rule.severity} (was ${rule.defaultSeverity})`,
    rule.category,
    `${rule.source.file}:${rule.source.line}`,
  ]);
  context.io.stdout.write(
    table(['RULE', 'SEVERITY', 'CATEGORY', 'DEFINED IN'], rows, `${rules.length} rule${rules.length === 1 ? '' : 's'}`),
  );
  return 0;
}

/** Runs `termguard list-terms`; exit 2 on configuration errors. */
export function runListTerms(format: ListFormat, configFile: string | undefined, context: CommandContext): number {
  const built = projectEngine(context, configFile);
  if ('exitCode' in built) return built.exitCode;
  const entries = built.engine.glossary();
  if (format === 'json') {
    const json = entries.map((entry) => ({ ...entry, source: { file: entry.source.file, line: entry.source.line + 1 } }));
    context.io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const rows = entries.map((entry) => [entry.term, oneLine(entry.definition, 60), `${entry.source.file}:${entry.source.line + 1}`]);
  context.io.stdout.write(table(['TERM', 'DEFINITION', 'DEFINED IN'], rows, `${entries.length} term${entries.length === 1 ? '' : 's'}`));
  return 0;
}

/** The severity a rule gets under the config's overrides, most specific key first, as the engine decides it. */
function effectiveSeverity(
  rule: RuleInfo,
  packName: string | undefined,
  overrides: Readonly<Record<string, SeverityOverride>>,
): SeverityOverride {
  return (
    overrides[rule.id] ??
    overrides[`category:${rule.category}`] ??
    (packName !== undefined ? overrides[`pack:${packName}`] : undefined) ??
    overrides['*'] ??
    rule.severity
  );
}

/**
 * The `pack:` name written at the top level of a pack's YAML. RuleInfo does
 * not carry it, so it is read from the text: a top-level `pack:` line.
 */
export function packNameOf(pack: PackSource): string | undefined {
  const match = /^pack:[ \t]*(["']?)([^"'#\r\n]*?)\1[ \t]*(?:#.*)?$/m.exec(pack.text);
  const name = match?.[2]?.trim();
  return name === undefined || name === '' ? undefined : name;
}

function oneLine(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** An aligned table with a header and a closing count. */
function table(header: readonly string[], rows: readonly (readonly string[])[], count: string): string {
  const widths = header.map((title, column) => rows.reduce((width, row) => Math.max(width, row[column]!.length), title.length));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${count}\n`;
}
