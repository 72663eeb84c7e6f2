/**
 * `termguard check`: discovers files, resolves their configs and engines,
 * then checks (and optionally fixes) one file at a time, writing each file's
 * report before the next is read, so memory holds one file's findings at a
 * time. Exit 0 without error findings, 1 with (or with more warnings than
 * `--max-warnings`), 2 when anything named could not be checked or written,
 * on usage and config errors, or when a pack has errors (the other packs
 * still check, except under `--fix` and `--update-baseline`, which then write
 * nothing).
 */
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { CheckResult, DocumentKind, Engine, Finding, Problem, RuleInfo, Severity } from '../../engine/api';
import {
  applyEdits,
  BaselineIndex,
  createBaseline,
  EditConflictError,
  LineIndex,
  parseBaseline,
  selectFixes,
  stringifyBaseline,
  toBaselineFileKey,
  type EffectiveConfig,
  type FileFindings,
} from '../../engine/index';
import type { CheckCommand } from '../args';
import { FileWriteError, writeFileAtomic } from '../../project/atomicWrite';
import { readBoundedFile } from '../../project/boundedRead';
import { changedLinesSince, type ChangedLines, type LineChanges } from '../changedLines';
import { useColor, type CliWriter, type CommandContext } from '../cliIO';
import { describeFileError } from '../../project/fileErrors';
import {
  ConfigResolver,
  EngineCache,
  formatProblem,
  ignoredByConfig,
  nameForMessages,
  readerKindByConfig,
  unknownRuleWarnings,
} from '../../project/configResolution';
import { decodeDocument, discoverFiles, displayPathOf, encodeDocument, type DiscoveredFile } from '../../project/fileDiscovery';
import { RuleSelection, touchesChangedLines } from '../findingScope';
import { JsonFormatter } from '../formatters/json';
import { addToCounts, toDiagnostics, type FileReport, type ReportFormatter } from '../formatters/report';
import { GithubFormatter } from '../formatters/github';
import { GitlabFormatter } from '../formatters/gitlab';
import { JunitFormatter } from '../formatters/junit';
import { RdjsonlFormatter } from '../formatters/rdjsonl';
import { SarifFormatter } from '../formatters/sarif';
import { StylishFormatter } from '../formatters/stylish';
import { CheckMessages } from '../messages';
import { PacedOutput } from '../pacedOutput';
import { fileDestination, streamDestination, type ReportDestination } from '../reportDestination';
import { ResultCache } from '../resultCache';
import { isStdin, JobChecker, type Job, type RunScope, type StdinSource } from './checkJobs';

/** The display name of standard input. */
export const STDIN_NAME = '<stdin>';

/** At most this many fix-and-recheck rounds per file (fixes can unblock overlapping ones). */
const MAX_FIX_PASSES = 10;

/** Baselines hold one entry per distinct finding; far more than any real project needs. */
const MAX_BASELINE_BYTES = 512 * 1024 * 1024;

/** Runs `termguard check`; resolves to the exit status. */
export async function runCheck(command: CheckCommand, context: CommandContext): Promise<number> {
  const { io } = context;
  const messages = new CheckMessages(io, command.format);

  // 1. Targets → files. Targets that name nothing are reported; the others are still checked.
  const discovery = discoverFiles(command.targets, io.cwd);
  for (const text of discovery.notes) messages.note(text);
  for (const text of discovery.errors) messages.error(text);

  // 2. Changed lines, configs, engines and the baseline, all before anything is checked so their errors never leave partial output.
  let changes: ChangedLines | undefined;
  if (command.changedSince !== undefined) {
    const found = changedLinesSince(command.changedSince, io.cwd);
    if ('error' in found) {
      messages.fatal([`termguard: ${found.error}`]);
      return 2;
    }
    changes = found.changes;
  }
  const plan = planJobs(command, context, discovery.files, discovery.stdin, messages);
  if (!plan) return 2;
  const selection = new RuleSelection(command.rules, command.categories);
  for (const warning of selection.unknownNames(collectRules(plan.engines))) messages.note(warning);
  const baseline = command.updateBaseline ? undefined : loadBaseline(command, io.cwd, messages);
  if (baseline === 'failed') return 2;
  const cache = command.cache ? new ResultCache(resolve(io.cwd, command.cacheLocation), (text) => messages.note(text)) : undefined;

  // 3. Check, fix and report, one file at a time.
  const outcome = await checkAll(command, context, plan, baseline, { selection, changes, cache }, messages, discovery.errors.length);
  if (outcome === 'failed' || messages.failed) return 2;
  if (outcome.errorFindings) return 1;
  if (command.maxWarnings !== undefined && outcome.warnings > command.maxWarnings) {
    messages.note(
      `${outcome.warnings} warning${outcome.warnings === 1 ? '' : 's'} found, more than --max-warnings ${command.maxWarnings} allows`,
    );
    return 1;
  }
  return 0;
}

/** The jobs of a run and the engines they use, or undefined after config errors were reported. */
function planJobs(
  command: CheckCommand,
  context: CommandContext,
  files: readonly DiscoveredFile[],
  stdin: boolean,
  messages: CheckMessages,
): { jobs: Job[]; engines: Set<Engine> } | undefined {
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

  const plan = (file: DiscoveredFile | StdinSource, dir: string, display: string, namedKind: DocumentKind): void => {
    const resolution = resolver.forDirectory(dir);
    if (!resolution.config) {
      configProblems.push(...resolution.problems);
      return;
    }
    const config: EffectiveConfig = resolution.config;
    const path = isStdin(file) ? file.path : file.absolutePath;
    const configuredKind =
      path === undefined || (isStdin(file) && command.stdinKindGiven) ? undefined : readerKindByConfig(config.readers, path);
    const kind = configuredKind ?? namedKind;
    // A walk checks code and locale files only when a config asks for their kind.
    if (!isStdin(file) && file.optIn && configuredKind === undefined && !config.kinds.includes(kind)) return;
    const ignoredBy = path === undefined ? undefined : ignoredByConfig(config.ignore, path);
    if (ignoredBy !== undefined && (isStdin(file) || file.explicit)) {
      messages.note(`${display}: ignored by the \`ignore\` setting of the config in ${nameForMessages(io.cwd, ignoredBy)}`);
    }
    // Ignored standard input still has a job: with --fix its text must come back out unchanged.
    if (ignoredBy !== undefined && !isStdin(file)) return;
    const cached = engineCache.get(EngineCache.packSet(config, builtinFiles()));
    for (const problem of cached.problems) {
      if (problem.severity === 'error') packProblems.push(problem);
    }
    for (const warning of unknownRuleWarnings(config, cached.engine)) warnings.set(formatProblem(warning), warning);
    engines.add(cached.engine);
    jobs.push({
      file,
      display,
      kind,
      engine: cached.engine,
      packs: cached.packs,
      options: { severityOverrides: config.rules, claimModel: config.claimModel },
      ...(ignoredBy !== undefined ? { ignored: true } : {}),
    });
  };
  for (const file of files) plan(file, dirname(file.absolutePath), file.displayPath, file.kind);
  if (stdin) {
    const given = command.stdinFilepath;
    const path = given === undefined ? undefined : resolve(io.cwd, given);
    const source: StdinSource = path === undefined ? { stdin: true } : { stdin: true, path };
    plan(
      source,
      path === undefined ? io.cwd : dirname(path),
      path === undefined ? STDIN_NAME : displayPathOf(io.cwd, path, isAbsolute(given!)),
      command.stdinKind,
    );
  }

  // Fixes and baselines written from a partial rule set would be wrong in ways nobody sees: a broken pack stops those runs.
  const writes = command.fix || command.updateBaseline;
  const fatal = [...configProblems, ...(writes ? packProblems : [])];
  if (fatal.length > 0) {
    messages.fatal([...new Set(fatal.map(formatProblem))]);
    return undefined;
  }
  if (packProblems.length > 0) {
    const lines = [...new Set(packProblems.map(formatProblem))];
    if (command.allowBrokenPacks) for (const line of lines) io.stderr.write(`${line}\n`);
    else messages.failedWith(lines);
  }
  for (const line of warnings.keys()) io.stderr.write(`${line}\n`);
  return { jobs, engines };
}

/** The baseline to hide findings with (undefined without `--baseline`), or 'failed' after reporting why it cannot be used. */
function loadBaseline(command: CheckCommand, cwd: string, messages: CheckMessages): BaselineIndex | undefined | 'failed' {
  if (command.baseline === undefined) return undefined;
  const path = resolve(cwd, command.baseline);
  const read = readBoundedFile(path, MAX_BASELINE_BYTES, 'baselines');
  if (!read.ok) {
    const why =
      read.reason === 'unreadable'
        ? `cannot read baseline (${read.message}); create it with --update-baseline`
        : `baseline ${read.message}`;
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

/** Running totals of a run. */
interface Totals {
  readonly counts: Record<Severity, number>;
  /** Warnings found in scope, reported or not (`--quiet` hides them, `--max-warnings` counts them). */
  warnings: number;
  fixed: number;
  filesChecked: number;
  unchecked: number;
}

/**
 * Checks every job in order and streams each file's report (or, with
 * `--update-baseline`, records its findings and writes the baseline at the
 * end). Resolves to whether any reported finding is an error and how many
 * warnings were found, or 'failed' when the baseline or report file could
 * not be written.
 */
async function checkAll(
  command: CheckCommand,
  context: CommandContext,
  plan: { jobs: readonly Job[]; engines: ReadonlySet<Engine> },
  baseline: BaselineIndex | undefined,
  scope: RunScope,
  messages: CheckMessages,
  missingTargets: number,
): Promise<{ errorFindings: boolean; warnings: number } | 'failed'> {
  const { io } = context;
  const baselinePath = command.baseline !== undefined ? resolve(io.cwd, command.baseline) : undefined;
  const baselineKey = (job: Job): string => {
    const path = isStdin(job.file) ? job.file.path : job.file.absolutePath;
    return path === undefined || baselinePath === undefined ? STDIN_NAME : toBaselineFileKey(relative(dirname(baselinePath), path));
  };
  const destination = openDestination(command, context, plan, messages);
  if (destination === undefined) return 'failed';
  const output = new PacedOutput(destination.writer);
  const formatter = createFormatter(command, context, plan.engines, reportColor(command, context, destination.writer));
  const totals: Totals = {
    counts: { error: 0, warning: 0, information: 0, hint: 0 },
    warnings: 0,
    fixed: 0,
    filesChecked: 0,
    unchecked: missingTargets,
  };
  const forBaseline: FileFindings[] = [];
  const checker = new JobChecker(command, context, scope, plan.jobs);

  try {
    for await (const { job, prepared } of checker.inOrder()) {
      if (prepared.kind === 'skipped') continue;
      if (prepared.kind === 'unreadable') {
        // A file the user named must not pass silently; one found by walking a folder may be skipped.
        if (isStdin(job.file) || job.file.explicit) {
          messages.error(`${job.display} ${prepared.message}, so it cannot be checked`);
          totals.unchecked++;
        } else {
          messages.note(`${job.display} ${prepared.message}; skipped`);
        }
        continue;
      }
      const { input, changes } = prepared;
      if (job.ignored) {
        if (command.fix) await writeAll(io.stdout, (input.bom ? '\uFEFF' : '') + input.text);
        continue;
      }
      const key = baselineKey(job);
      const inScope = scopeFilter(scope.selection, changes, input.text);
      const reportable = (findings: readonly Finding[]): readonly Finding[] => {
        const selected = inScope(findings);
        return baseline ? baseline.split(key, selected).fresh : selected;
      };
      let checked: CheckedText;
      try {
        checked = fixText(job, input.text, await checker.result(job, prepared), command.fix, reportable, messages);
        if (!isStdin(job.file) && checked.text !== input.text)
          checked = saveFixes(job.file.absolutePath, job.display, input, checked, context, messages);
      } catch (error) {
        messages.internalError(`${job.display}: internal error while checking`, error);
        continue;
      }
      totals.fixed += checked.fixed;
      if (isStdin(job.file) && command.fix) await writeAll(io.stdout, (input.bom ? '\uFEFF' : '') + checked.text);
      if (command.updateBaseline) {
        forBaseline.push({ file: key, findings: inScope(checked.result.findings) });
        continue;
      }
      const report = fileReport(job.display, checked, reportable, scope.selection, changes, command.quiet, totals);
      totals.filesChecked++;
      await output.add(formatter.file(report));
      await output.flush();
    }
  } finally {
    await checker.close();
  }

  if (command.updateBaseline && baselinePath !== undefined) {
    destination.abandon();
    return writeBaseline(baselinePath, command.baseline!, forBaseline, context, messages)
      ? { errorFindings: false, warnings: 0 }
      : 'failed';
  }
  await output.add(
    formatter.end({ filesChecked: totals.filesChecked, unchecked: totals.unchecked, fixed: totals.fixed, counts: totals.counts }),
  );
  await output.flush();
  const failure = destination.finish();
  if (failure !== undefined) {
    messages.error(`could not write ${command.outputFile}: ${failure}; the file is unchanged`);
    return 'failed';
  }
  return { errorFindings: totals.counts.error > 0, warnings: totals.warnings };
}

/** Keeps the findings the run is about: of the selected rules, and on changed lines. */
function scopeFilter(selection: RuleSelection, changes: LineChanges, text: string): (findings: readonly Finding[]) => readonly Finding[] {
  if (!selection.active && changes === 'all') return (findings) => findings;
  let lines: LineIndex | undefined;
  return (findings) =>
    findings.filter((finding) => {
      if (!selection.includesFinding(finding)) return false;
      if (changes === 'all') return true;
      lines ??= new LineIndex(text);
      return touchesChangedLines({ start: lines.positionAt(finding.range.start), end: lines.positionAt(finding.range.end) }, changes);
    });
}

/** The report of one checked file: its reportable findings and document problems in scope, errors only under `--quiet`. */
function fileReport(
  display: string,
  checked: CheckedText,
  reportable: (findings: readonly Finding[]) => readonly Finding[],
  selection: RuleSelection,
  changes: LineChanges,
  quiet: boolean,
  totals: Totals,
): FileReport {
  const problems = checked.result.problems.filter((problem) => selection.includesProblem(problem));
  let diagnostics = toDiagnostics(checked.text, reportable(checked.result.findings), problems);
  if (changes !== 'all') diagnostics = diagnostics.filter((diagnostic) => touchesChangedLines(diagnostic.range, changes));
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'warning') totals.warnings++;
  if (quiet) diagnostics = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const report = { file: display, diagnostics, text: checked.text };
  addToCounts(totals.counts, report);
  return report;
}

/** Where the report goes, or undefined after saying why the `--output-file` cannot be written. */
function openDestination(
  command: CheckCommand,
  context: CommandContext,
  plan: { jobs: readonly Job[] },
  messages: CheckMessages,
): ReportDestination | undefined {
  const { io } = context;
  if (command.outputFile === undefined || command.updateBaseline) {
    // With `--fix -`, stdout carries the fixed text, so the report goes to stderr.
    const fixesStdin = command.fix && plan.jobs.some((job) => isStdin(job.file));
    return streamDestination(fixesStdin ? io.stderr : io.stdout);
  }
  const opened = fileDestination(resolve(io.cwd, command.outputFile), context.fileSystem);
  if ('failed' in opened) {
    messages.error(`could not write ${command.outputFile}: ${opened.failed}; nothing was checked`);
    return undefined;
  }
  return opened;
}

/** Colour for the report: a file is coloured only when `--color` asks for it. */
function reportColor(command: CheckCommand, context: CommandContext, writer: CliWriter): boolean {
  if (command.outputFile !== undefined && !command.updateBaseline) return command.color === true;
  return useColor(context.io, writer, command.color);
}

/** Starting from the text's first result, with `fix` applies first fixes and re-checks until nothing more can be fixed. */
function fixText(
  job: Job,
  original: string,
  unfixedResult: CheckResult,
  fix: boolean,
  reportable: (findings: readonly Finding[]) => readonly Finding[],
  messages: CheckMessages,
): CheckedText {
  const options = job.options;
  let text = original;
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
    result = job.engine.check(text, job.kind, options);
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
function writeBaseline(
  path: string,
  given: string,
  files: readonly FileFindings[],
  context: CommandContext,
  messages: CheckMessages,
): boolean {
  const written = createBaseline(files);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    messages.error(`could not write ${given}: cannot create its folder (${describeFileError(error)}); no baseline was written`);
    return false;
  }
  try {
    writeFileAtomic(
      path,
      new TextEncoder().encode(stringifyBaseline(written)),
      context.fileSystem ? { fileSystem: context.fileSystem } : {},
    );
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
    case 'github':
      return new GithubFormatter();
    case 'rdjsonl':
      return new RdjsonlFormatter();
    case 'junit':
      return new JunitFormatter();
    case 'gitlab':
      return new GitlabFormatter();
  }
}

async function writeAll(writer: CliWriter, text: string): Promise<void> {
  const output = new PacedOutput(writer);
  await output.add([text]);
  await output.flush();
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
