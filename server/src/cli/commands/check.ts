/**
 * `termguard check`: discovers files, resolves their configs and engines,
 * then checks (and optionally fixes) one file at a time, writing each file's
 * report before the next is read, so memory holds one file's findings at a
 * time. Exit 0 without error findings, 1 with, 2 when anything named could
 * not be checked or written, on usage and config errors, or when a pack has
 * errors (the other packs still check, except under `--fix` and
 * `--update-baseline`, which then write nothing).
 */
import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { CheckOptions, CheckResult, DocumentKind, Engine, Finding, Problem, RuleInfo, Severity } from '../../engine/api';
import { BaselineIndex, createBaseline, parseBaseline, stringifyBaseline, toBaselineFileKey, type FileFindings } from '../../engine/baseline/baseline';
import type { EffectiveConfig } from '../../engine/config/termguardConfig';
import { applyEdits, EditConflictError, selectFixes } from '../../engine/fixes/applyEdits';
import type { CheckCommand } from '../args';
import { FileWriteError, writeFileAtomic } from '../../project/atomicWrite';
import { readBoundedFile } from '../../project/boundedRead';
import { useColor, type CliWriter, type CommandContext } from '../cliIO';
import { describeFileError } from '../../project/fileErrors';
import { ConfigResolver, EngineCache, formatProblem, ignoredByConfig, nameForMessages, unknownRuleWarnings } from '../../project/configResolution';
import { decodeDocument, discoverFiles, encodeDocument, readDocument, type DiscoveredFile } from '../../project/fileDiscovery';
import { JsonFormatter } from '../formatters/json';
import { addToCounts, toDiagnostics, type ReportFormatter } from '../formatters/report';
import { SarifFormatter } from '../formatters/sarif';
import { StylishFormatter } from '../formatters/stylish';
import { CheckMessages } from '../messages';
import { PacedOutput } from '../pacedOutput';

/** The display name of standard input. */
export const STDIN_NAME = '<stdin>';

/** At most this many fix-and-recheck rounds per file (fixes can unblock overlapping ones). */
const MAX_FIX_PASSES = 10;

/** Baselines hold one entry per distinct finding; far more than any real project needs. */
const MAX_BASELINE_BYTES = 512 * 1024 * 1024;

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
  const messages = new CheckMessages(io, command.format);

  // 1. Targets → files. Targets that name nothing are reported; the others are still checked.
  const discovery = discoverFiles(command.targets, io.cwd);
  for (const text of discovery.notes) messages.note(text);
  for (const text of discovery.errors) messages.error(text);

  // 2. Configs, engines and the baseline, all before anything is checked so their errors never leave partial output.
  const plan = planJobs(command, context, discovery.files, discovery.stdin, messages);
  if (!plan) return 2;
  const baseline = command.updateBaseline ? undefined : loadBaseline(command, io.cwd, messages);
  if (baseline === 'failed') return 2;

  // 3. Check, fix and report, one file at a time.
  const outcome = await checkAll(command, context, plan, baseline, messages, discovery.errors.length);
  if (outcome === 'failed') return 2;
  return messages.failed ? 2 : outcome.errorFindings ? 1 : 0;
}

/** The jobs of a run and the engines they use, or undefined after config errors were reported. */
function planJobs(command: CheckCommand, context: CommandContext, files: readonly DiscoveredFile[], stdin: boolean, messages: CheckMessages): { jobs: Job[]; engines: Set<Engine> } | undefined {
  const { io } = context;
  const resolver = new ConfigResolver(io.cwd, command.config);
  const engineCache = new EngineCache(context.engineFactory, io.cwd);
  const builtinFiles = lazy(context.builtinPackFiles);
  const configProblems: Problem[] = [];
  // Errors of packs that load in part or not at all: reported, and the run fails, but the other packs still check.
  const packProblems: Problem[] = [];
  const warnings = new Map<string, Problem>();
  const jobs: Job[] = [];
  const engines = new Set<Engine>();

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
        if (file.explicit) messages.note(`${display}: ignored by the \`ignore\` setting of the config in ${nameForMessages(io.cwd, ignoredBy)}`);
        return;
      }
    }
    const cached = engineCache.get(EngineCache.packSet(config, builtinFiles()));
    for (const problem of cached.problems) {
      if (problem.severity === 'error') packProblems.push(problem);
    }
    for (const warning of unknownRuleWarnings(config, cached.engine)) warnings.set(formatProblem(warning), warning);
    engines.add(cached.engine);
    jobs.push({ file, display, engine: cached.engine, options: { severityOverrides: config.rules, claimModel: config.claimModel } });
  };
  for (const file of files) plan(file, dirname(file.absolutePath), file.displayPath);
  if (stdin) plan('stdin', io.cwd, STDIN_NAME);

  // Fixes and baselines written from a partial rule set would be wrong in ways nobody sees: a broken pack stops those runs.
  const writes = command.fix || command.updateBaseline;
  const fatal = [...configProblems, ...(writes ? packProblems : [])];
  if (fatal.length > 0) {
    messages.fatal([...new Set(fatal.map(formatProblem))]);
    return undefined;
  }
  if (packProblems.length > 0) messages.failedWith([...new Set(packProblems.map(formatProblem))]);
  for (const line of warnings.keys()) io.stderr.write(`${line}\n`);
  return { jobs, engines };
}

/** The baseline to hide findings with (undefined without `--baseline`), or 'failed' after reporting why it cannot be used. */
function loadBaseline(command: CheckCommand, cwd: string, messages: CheckMessages): BaselineIndex | undefined | 'failed' {
  if (command.baseline === undefined) return undefined;
  const path = resolve(cwd, command.baseline);
  const read = readBoundedFile(path, MAX_BASELINE_BYTES, 'baselines');
  if (!read.ok) {
    const why = read.reason === 'unreadable' ? `cannot read baseline (${read.message}); create it with --update-baseline` : `baseline ${read.message}`;
    messages.fatal([`termguard: ${command.baseline}: ${why}`]);
    return 'failed';
  }
  const decoded = decodeDocument(read.bytes);
  if (!decoded.ok) {
    messages.fatal([`termguard: ${command.baseline}: baseline ${decoded.message}`]);
    return 'failed';
  }
  const parsed = parseBaseline(decoded.text, nameForMessages(cwd, path));
  if (!parsed.baseline) {
    messages.fatal(parsed.problems.map(formatProblem));
    return 'failed';
  }
  return new BaselineIndex(parsed.baseline);
}

/** What checking one file produced. */
interface CheckedText {
  /** The text the findings refer to: fixed, or as read when fixing changed nothing or could not be saved. */
  readonly text: string;
  readonly result: CheckResult;
  readonly fixed: number;
  /** The result of checking the text as read, before any fix. */
  readonly unfixedResult: CheckResult;
}

/**
 * Checks every job in order and streams each file's report (or, with
 * `--update-baseline`, records its findings and writes the baseline at the
 * end). Resolves to whether any reported finding is an error, or 'failed'
 * when the baseline could not be written.
 */
async function checkAll(
  command: CheckCommand,
  context: CommandContext,
  plan: { jobs: readonly Job[]; engines: ReadonlySet<Engine> },
  baseline: BaselineIndex | undefined,
  messages: CheckMessages,
  missingTargets: number,
): Promise<{ errorFindings: boolean } | 'failed'> {
  const { io } = context;
  const baselinePath = command.baseline !== undefined ? resolve(io.cwd, command.baseline) : undefined;
  const baselineKey = (job: Job): string =>
    job.file === 'stdin' || baselinePath === undefined ? STDIN_NAME : toBaselineFileKey(relative(dirname(baselinePath), job.file.absolutePath));
  // With `--fix -`, stdout carries the fixed text, so the report goes to stderr.
  const fixesStdin = command.fix && plan.jobs.some((job) => job.file === 'stdin');
  const reportStream = fixesStdin ? io.stderr : io.stdout;
  const output = new PacedOutput(reportStream);
  const formatter = createFormatter(command, context, plan.engines, useColor(io, reportStream));
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const forBaseline: FileFindings[] = [];
  let fixed = 0;
  let filesChecked = 0;
  let unchecked = missingTargets;

  for (const job of plan.jobs) {
    const input = job.file === 'stdin' ? await readStdin(context, command.maxFileSize) : readDocument(job.file.absolutePath, command.maxFileSize);
    if (!input.ok) {
      // A file the user named must not pass silently; one found by walking a folder may be skipped.
      if (job.file === 'stdin' || job.file.explicit) {
        messages.error(`${job.display} ${input.message}, so it cannot be checked`);
        unchecked++;
      } else {
        messages.note(`${job.display} ${input.message}; skipped`);
      }
      continue;
    }
    const key = baselineKey(job);
    const reportable = (findings: readonly Finding[]): readonly Finding[] => (baseline ? baseline.split(key, findings).fresh : findings);
    let checked: CheckedText;
    try {
      checked = checkText(job, input.text, job.file === 'stdin' ? command.stdinKind : job.file.kind, command.fix, reportable, messages);
      if (job.file !== 'stdin' && checked.text !== input.text) checked = saveFixes(job.file.absolutePath, job.display, input, checked, context, messages);
    } catch (error) {
      messages.internalError(`${job.display}: internal error while checking`, error);
      continue;
    }
    fixed += checked.fixed;
    if (job.file === 'stdin' && command.fix) await writeAll(io.stdout, (input.bom ? '\uFEFF' : '') + checked.text);
    if (command.updateBaseline) {
      forBaseline.push({ file: key, findings: checked.result.findings });
      continue;
    }
    const report = { file: job.display, diagnostics: toDiagnostics(checked.text, reportable(checked.result.findings), checked.result.problems) };
    addToCounts(counts, report);
    filesChecked++;
    await output.add(formatter.file(report));
    await output.flush();
  }

  if (command.updateBaseline && baselinePath !== undefined) {
    return writeBaseline(baselinePath, command.baseline!, forBaseline, context, messages) ? { errorFindings: false } : 'failed';
  }
  await output.add(formatter.end({ filesChecked, unchecked, fixed, counts }));
  await output.flush();
  return { errorFindings: counts.error > 0 };
}

/** Checks a text and, with `fix`, applies first fixes and re-checks until nothing more can be fixed. */
function checkText(
  job: Job,
  original: string,
  kind: DocumentKind,
  fix: boolean,
  reportable: (findings: readonly Finding[]) => readonly Finding[],
  messages: CheckMessages,
): CheckedText {
  const options = job.options;
  let text = original;
  const unfixedResult = job.engine.check(text, kind, options);
  let result = unfixedResult;
  let fixed = 0;
  if (!fix) return { text, result, fixed, unfixedResult };
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const selection = selectFixes(reportable(result.findings));
    if (selection.edits.length === 0) break;
    let next: string;
    try {
      next = applyEdits(text, selection.edits);
    } catch (error) {
      if (!(error instanceof EditConflictError)) throw error;
      messages.note(`${job.display}: fixes could not be applied (${error.message})`);
      break;
    }
    if (next === text) break;
    text = next;
    fixed += selection.applied;
    result = job.engine.check(text, kind, options);
  }
  return { text, result, fixed, unfixedResult };
}

/**
 * Writes fixed text back in one step. When that fails the file keeps its old
 * bytes, the failure is reported, and the file's findings are those of the
 * text as it still is.
 */
function saveFixes(
  path: string,
  display: string,
  input: { readonly text: string; readonly bom: boolean },
  checked: CheckedText,
  context: CommandContext,
  messages: CheckMessages,
): CheckedText {
  try {
    writeFileAtomic(path, encodeDocument(checked.text, input.bom), context.fileSystem ? { fileSystem: context.fileSystem } : {});
    return checked;
  } catch (error) {
    if (!(error instanceof FileWriteError)) throw error;
    messages.error(`could not write ${display}: ${error.reason}; the file is unchanged`);
    return { text: input.text, result: checked.unfixedResult, fixed: 0, unfixedResult: checked.unfixedResult };
  }
}

/** Writes the baseline of all findings; false after reporting why it could not be written. */
function writeBaseline(path: string, given: string, files: readonly FileFindings[], context: CommandContext, messages: CheckMessages): boolean {
  const written = createBaseline(files);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    messages.error(`could not write ${given}: cannot create its folder (${describeFileError(error)}); no baseline was written`);
    return false;
  }
  try {
    writeFileAtomic(path, new TextEncoder().encode(stringifyBaseline(written)), context.fileSystem ? { fileSystem: context.fileSystem } : {});
  } catch (error) {
    if (!(error instanceof FileWriteError)) throw error;
    messages.error(`could not write ${given}: ${error.reason}; the file is unchanged`);
    return false;
  }
  const count = written.entries.reduce((sum, entry) => sum + entry.count, 0);
  messages.note(
    `baseline written to ${nameForMessages(context.io.cwd, path)}: ${count} finding${count === 1 ? '' : 's'} in ${written.entries.length} entr${written.entries.length === 1 ? 'y' : 'ies'}`,
  );
  return true;
}

function createFormatter(command: CheckCommand, context: CommandContext, engines: ReadonlySet<Engine>, color: boolean): ReportFormatter {
  switch (command.format) {
    case 'json':
      return new JsonFormatter();
    case 'sarif':
      return new SarifFormatter({ rules: collectRules(engines), toolVersion: context.version, srcRoot: context.io.cwd });
    case 'stylish':
      return new StylishFormatter(color);
  }
}

async function writeAll(writer: CliWriter, text: string): Promise<void> {
  const output = new PacedOutput(writer);
  await output.add([text]);
  await output.flush();
}

async function readStdin(context: CommandContext, maxFileSize: number): Promise<ReturnType<typeof decodeDocument> | { ok: false; message: string }> {
  const bytes = await context.io.readStdin(maxFileSize);
  if (bytes.length > maxFileSize) return { ok: false, message: `is over --max-file-size ${maxFileSize}` };
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
