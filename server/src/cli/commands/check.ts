/**
 * `termguard check`: discovers files, resolves their configs and engines,
 * checks (and optionally fixes) them, applies the baseline and prints the
 * report. Exit 0 without error findings, 1 with, 2 on usage/config errors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { CheckOptions, CheckResult, DocumentKind, Engine, Finding, Problem, RuleInfo } from '../../engine/api';
import { BaselineIndex, createBaseline, parseBaseline, stringifyBaseline, toBaselineFileKey, type FileFindings } from '../../engine/baseline/baseline';
import type { EffectiveConfig } from '../../engine/config/termguardConfig';
import { applyEdits, EditConflictError, selectFixes } from '../../engine/fixes/applyEdits';
import type { CheckCommand } from '../args';
import { useColor, type CommandContext } from '../cliIO';
import { ConfigResolver, EngineCache, formatProblem, ignoredByConfig, nameForMessages, unknownRuleWarnings } from '../configResolution';
import { decodeDocument, discoverFiles, encodeDocument, readDocument, type DiscoveredFile } from '../fileDiscovery';
import { formatJson } from '../formatters/json';
import { toDiagnostics, type CheckReport, type FileReport } from '../formatters/report';
import { formatSarif } from '../formatters/sarif';
import { formatStylish } from '../formatters/stylish';

/** The display name of standard input. */
export const STDIN_NAME = '<stdin>';

/** At most this many fix-and-recheck rounds per file (fixes can unblock overlapping ones). */
const MAX_FIX_PASSES = 10;

/** A unit of work: one file (or stdin) with its engine and overrides. */
interface Job {
  readonly file: DiscoveredFile | 'stdin';
  readonly display: string;
  readonly engine: Engine;
  /** The check options from the file's config: severity overrides and the claim-model switch. */
  readonly options: CheckOptions;
}

/** Runs `termguard check`; resolves to the exit status. */
export async function runCheck(command: CheckCommand, context: CommandContext): Promise<number> {
  const { io } = context;
  const note = (text: string): void => io.stderr.write(`termguard: ${text}\n`);

  // 1. Targets → files.
  const discovery = discoverFiles(command.targets, io.cwd);
  for (const text of discovery.notes) note(text);
  if (discovery.errors.length > 0) {
    for (const error of discovery.errors) note(error);
    return 2;
  }

  // 2. Configs and engines, all resolved before anything is checked so errors never leave partial output.
  const resolver = new ConfigResolver(io.cwd, command.config);
  const engines = new EngineCache(context.engineFactory, io.cwd);
  const builtinFiles = lazy(context.builtinPackFiles);
  const configProblems: Problem[] = [];
  const warnings = new Map<string, Problem>();
  const jobs: Job[] = [];
  const usedEngines = new Set<Engine>();

  const plan = (file: DiscoveredFile | 'stdin', dir: string, display: string): void => {
    const resolution = resolver.forDirectory(dir);
    if (!resolution.config) {
      configProblems.push(...resolution.problems);
      return;
    }
    const config: EffectiveConfig = resolution.config;
    if (file !== 'stdin') {
      const ignoredBy = ignoredByConfig(config.ignore, file.absolutePath);
      if (ignoredBy !== undefined) {
        if (file.explicit) note(`${display}: ignored by the \`ignore\` setting of the config in ${nameForMessages(io.cwd, ignoredBy)}`);
        return;
      }
    }
    const cached = engines.get(EngineCache.packSet(config, builtinFiles()));
    for (const problem of cached.problems) {
      if (problem.severity === 'error') configProblems.push(problem);
    }
    for (const warning of unknownRuleWarnings(config, cached.engine)) warnings.set(formatProblem(warning), warning);
    usedEngines.add(cached.engine);
    jobs.push({ file, display, engine: cached.engine, options: { severityOverrides: config.rules, claimModel: config.claimModel } });
  };
  for (const file of discovery.files) plan(file, dirname(file.absolutePath), file.displayPath);
  if (discovery.stdin) plan('stdin', io.cwd, STDIN_NAME);

  if (configProblems.length > 0) {
    for (const line of new Set(configProblems.map(formatProblem))) io.stderr.write(`${line}\n`);
    return 2;
  }
  for (const line of warnings.keys()) io.stderr.write(`${line}\n`);

  // 3. Baseline.
  const baselinePath = command.baseline !== undefined ? resolve(io.cwd, command.baseline) : undefined;
  let baseline: BaselineIndex | undefined;
  if (baselinePath !== undefined && !command.updateBaseline) {
    let text: string;
    try {
      text = readFileSync(baselinePath, 'utf8');
    } catch (error) {
      note(`${command.baseline}: cannot read baseline (${(error as NodeJS.ErrnoException).code ?? String(error)}); create it with --update-baseline`);
      return 2;
    }
    const parsed = parseBaseline(text, nameForMessages(io.cwd, baselinePath));
    if (!parsed.baseline) {
      for (const problem of parsed.problems) io.stderr.write(`${formatProblem(problem)}\n`);
      return 2;
    }
    baseline = new BaselineIndex(parsed.baseline);
  }
  const baselineKey = (job: Job): string =>
    job.file === 'stdin' || baselinePath === undefined ? STDIN_NAME : toBaselineFileKey(relative(dirname(baselinePath), job.file.absolutePath));

  // 4. Check (and fix).
  const reports: FileReport[] = [];
  const forBaseline: FileFindings[] = [];
  let fixedTotal = 0;
  let failed = false;
  let stdinFixedText: string | undefined;
  for (const job of jobs) {
    const decoded = job.file === 'stdin' ? await readStdin(context, command.maxFileSize) : readDocument(job.file.absolutePath, command.maxFileSize);
    if (!decoded.ok) {
      note(`${job.display} ${decoded.message}; skipped`);
      if (job.file === 'stdin') failed = true;
      continue;
    }
    const kind: DocumentKind = job.file === 'stdin' ? command.stdinKind : job.file.kind;
    const key = baselineKey(job);
    const reportable = (findings: readonly Finding[]): readonly Finding[] => (baseline ? baseline.split(key, findings).fresh : findings);
    try {
      let text = decoded.text;
      let result: CheckResult = job.engine.check(text, kind, job.options);
      if (command.fix) {
        for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
          const selection = selectFixes(reportable(result.findings));
          if (selection.edits.length === 0) break;
          let next: string;
          try {
            next = applyEdits(text, selection.edits);
          } catch (error) {
            if (error instanceof EditConflictError) {
              note(`${job.display}: fixes could not be applied (${error.message})`);
              break;
            }
            throw error;
          }
          if (next === text) break;
          text = next;
          fixedTotal += selection.applied;
          result = job.engine.check(text, kind, job.options);
        }
        if (job.file === 'stdin') {
          stdinFixedText = text;
        } else if (text !== decoded.text) {
          writeFileSync(job.file.absolutePath, encodeDocument(text, decoded.bom));
        }
      }
      forBaseline.push({ file: key, findings: result.findings });
      reports.push({ file: job.display, diagnostics: toDiagnostics(text, reportable(result.findings), result.problems) });
    } catch (error) {
      failed = true;
      note(`${job.display}: internal error while checking: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  // 5. Baseline update, or report.
  if (command.updateBaseline && baselinePath !== undefined) {
    const written = createBaseline(forBaseline);
    try {
      mkdirSync(dirname(baselinePath), { recursive: true });
      writeFileSync(baselinePath, stringifyBaseline(written));
    } catch (error) {
      note(`${command.baseline}: cannot write baseline (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return 2;
    }
    const count = written.entries.reduce((sum, entry) => sum + entry.count, 0);
    note(`baseline written to ${nameForMessages(io.cwd, baselinePath)}: ${count} finding${count === 1 ? '' : 's'} in ${written.entries.length} entr${written.entries.length === 1 ? 'y' : 'ies'}`);
    if (stdinFixedText !== undefined) io.stdout.write(stdinFixedText);
    return failed ? 2 : 0;
  }

  const report: CheckReport = { files: reports, rules: collectRules(usedEngines), toolVersion: context.version, fixed: fixedTotal };
  // With a fixed stdin, stdout carries the fixed text, so the report moves to stderr.
  const reportStream = stdinFixedText !== undefined ? io.stderr : io.stdout;
  const rendered: Iterable<string> =
    command.format === 'json'
      ? formatJson(report)
      : command.format === 'sarif'
        ? [formatSarif(report, io.cwd)]
        : [formatStylish(report, useColor(io, reportStream))];
  if (stdinFixedText !== undefined) io.stdout.write(stdinFixedText);
  // Written in batches: a huge report need not fit in one string.
  let batch = '';
  for (const piece of rendered) {
    batch += piece;
    if (batch.length > 1 << 20) {
      reportStream.write(batch);
      batch = '';
    }
  }
  if (batch.length > 0) reportStream.write(batch);

  if (failed) return 2;
  return reports.some((file) => file.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) ? 1 : 0;
}

async function readStdin(context: CommandContext, maxFileSize: number): Promise<ReturnType<typeof decodeDocument> | { ok: false; message: string }> {
  const bytes = await context.io.readStdin();
  if (bytes.length > maxFileSize) return { ok: false, message: `is ${bytes.length} bytes, over --max-file-size ${maxFileSize}` };
  return decodeDocument(bytes);
}

function collectRules(engines: ReadonlySet<Engine>): RuleInfo[] {
  const rules = new Map<string, RuleInfo>();
  for (const engine of engines) for (const rule of engine.rules()) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  return [...rules.values()];
}

function lazy<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}
