/**
 * What the real-editor tests share: the extension's API, opening workspace
 * files, waiting for diagnostics (on events, never by sleeping), reading
 * hovers, the expectations of examples/README.md and the screenshot and
 * page probe protocols of test/vscode/runInCodeServer.mjs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'termguard.termguard';

/** How long to wait for the server to publish, generous for a cold engine on a slow machine. */
export const DIAGNOSTICS_TIMEOUT_MS = 20_000;

/** A broken-pack or broken-config warning as the extension showed it. */
export interface ShownNotice {
  readonly message: string;
  readonly actions: readonly string[];
  readonly uri: string;
}

/** Counts of the Termguard diagnostics the Problems panel lists (it leaves hints out). */
export interface ListedCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** The part of the extension's API (client/src/extension.ts) the tests use. */
export interface TermguardApi {
  readonly activationMs: number;
  ready(): Promise<void>;
  statusText(): string;
  statusTexts(): readonly string[];
  statusAccessibleLabel(): string;
  readonly onDidChangeStatus: vscode.Event<string>;
  checkWorkspace(): Promise<{ readonly files: number; readonly listed: ListedCounts; readonly cancelled: boolean } | undefined>;
  brokenFileNotices(): readonly ShownNotice[];
  readonly onDidShowBrokenFileNotice: vscode.Event<ShownNotice>;
  brokenFileNoticeAction(notice: ShownNotice, action: string): Promise<void>;
  readonly logUri: vscode.Uri;
  explainRule(ruleId: string): Promise<{ rule: { id: string; reason: string; message: string }; markdown: string } | null>;
  glossary(uri?: vscode.Uri): Promise<readonly { id: string; term: string; definition: string }[]>;
}

/** What the Problems panel lists for Termguard, over every file VS Code holds diagnostics for. */
export function listedTermguardCounts(): ListedCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'termguard') continue;
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      else if (diagnostic.severity === vscode.DiagnosticSeverity.Information) infos++;
    }
  }
  return { errors, warnings, infos };
}

/** Writes a file into the workspace (a temporary copy), creating its folders. */
export function writeWorkspaceFile(relativePath: string, text: string): vscode.Uri {
  const uri = workspaceFile(relativePath);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  return uri;
}

/** A Termguard diagnostic reduced to what examples/README.md lists. */
export interface Finding {
  /** 1-based line of the range's start. */
  readonly line: number;
  readonly rule: string;
}

/** Activates the extension (if the workspace has not already) and waits for its server. */
export async function activateExtension(): Promise<TermguardApi> {
  const extension = vscode.extensions.getExtension<TermguardApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await api.ready();
  return api;
}

/** The workspace folder the runner opened (a temporary copy: tests may edit its files). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder');
  return folder.uri;
}

/** A file of the workspace, by a path relative to its root. */
export function workspaceFile(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a workspace file in an editor and returns the editor. */
export async function openFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Waits until the status bar item shows `expected` (a whole text, or a pattern). */
export function statusToBe(api: TermguardApi, expected: string | RegExp): Promise<string> {
  const matches = (text: string): boolean => (typeof expected === 'string' ? text === expected : expected.test(text));
  return waitFor(
    () => (matches(api.statusText()) ? api.statusText() : undefined),
    () => `the status bar to show ${String(expected)}; it shows "${api.statusText()}"`,
    undefined,
    api.onDidChangeStatus,
  );
}

/** Termguard's diagnostics of `uri`. */
export function termguardDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'termguard');
}

/** A diagnostic's rule id. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}

/** Diagnostics as sorted `{ line, rule }` pairs. */
export function findingsOf(diagnostics: readonly vscode.Diagnostic[]): Finding[] {
  return diagnostics
    .map((diagnostic) => ({ line: diagnostic.range.start.line + 1, rule: ruleOf(diagnostic) }))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

/**
 * Resolves when `condition()` holds: checked at once, then after every
 * diagnostics change. Rejects after `timeoutMs` with `describe()` in the message.
 */
export function waitFor<T>(
  condition: () => T | undefined | false,
  describe: () => string,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
  event: vscode.Event<unknown> = vscode.languages.onDidChangeDiagnostics,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = (): boolean => {
      const value = condition();
      if (value === undefined || value === false) return false;
      finish();
      resolve(value);
      return true;
    };
    const subscription = event(() => void check());
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`));
    }, timeoutMs);
    function finish(): void {
      subscription.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

/** Waits until the Termguard diagnostics of `uri` satisfy `predicate`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diagnostics = termguardDiagnostics(uri);
      return predicate(diagnostics) ? diagnostics : undefined;
    },
    () => `${what} in ${path.basename(uri.fsPath)}; last seen: ${JSON.stringify(findingsOf(termguardDiagnostics(uri)))}`,
    timeoutMs,
  );
}

/**
 * Waits until the findings of `uri` are exactly `expected`; on timeout fails
 * with a diff of what was published instead.
 */
export async function expectFindings(uri: vscode.Uri, expected: readonly Finding[]): Promise<vscode.Diagnostic[]> {
  const same = (diagnostics: vscode.Diagnostic[]): boolean => JSON.stringify(findingsOf(diagnostics)) === JSON.stringify(expected);
  try {
    return await waitForDiagnostics(uri, same, 'the expected findings');
  } catch {
    const diagnostics = termguardDiagnostics(uri);
    assert.deepEqual(findingsOf(diagnostics), expected, `findings of ${path.basename(uri.fsPath)}`);
    return diagnostics;
  }
}

/**
 * The `FILE:LINE RULE-ID` block at the end of examples/README.md, by file
 * name (a file listed as `FILE: none` maps to an empty list).
 */
export function exampleExpectations(): Map<string, Finding[]> {
  const readme = fs.readFileSync(workspaceFile('examples/README.md').fsPath, 'utf8');
  const section = readme.slice(readme.indexOf('## Machine-readable expectations'));
  const block = /```text\r?\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'examples/README.md has no machine-readable expectations block');
  const byFile = new Map<string, Finding[]>();
  for (const line of block[1]!.split(/\r?\n/)) {
    const none = /^(\S+): none$/.exec(line.trim());
    if (none) {
      byFile.set(none[1]!, byFile.get(none[1]!) ?? []);
      continue;
    }
    const match = /^(\S+):(\d+) (\S+)$/.exec(line.trim());
    if (!match) continue;
    const findings = byFile.get(match[1]!) ?? [];
    findings.push({ line: Number(match[2]), rule: match[3]! });
    byFile.set(match[1]!, findings);
  }
  for (const findings of byFile.values()) findings.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
  return byFile;
}

/** The position of the first occurrence of `text` on 1-based `line`, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, line: number, text: string, offset = 0): vscode.Position {
  const character = document.lineAt(line - 1).text.indexOf(text);
  assert.ok(character >= 0, `"${text}" is not on line ${line}: ${document.lineAt(line - 1).text}`);
  return new vscode.Position(line - 1, character + offset);
}

/** The hovers at a position as plain text: Markdown escapes removed, hovers joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
    .join('\n')
    .replace(/\\([\\`*_{}[\]<>#|()!.+-])/g, '$1');
}

/**
 * Asks the code-server runner for a screenshot named `name` and waits until
 * it is written (the runner sets TERMGUARD_SCREENSHOT_DIR; elsewhere this
 * does nothing). Never fails a test: a missing picture only times out.
 */
export function screenshot(name: string, timeoutMs = 15_000): Promise<void> {
  const dir = process.env.TERMGUARD_SCREENSHOT_DIR;
  if (!dir) return Promise.resolve();
  const file = path.join(dir, `${name}.png`);
  fs.rmSync(file, { force: true });
  return new Promise((resolve) => {
    const watcher = fs.watch(dir, () => {
      if (fs.existsSync(file)) done();
    });
    const timer = setTimeout(done, timeoutMs);
    function done(): void {
      watcher.close();
      clearTimeout(timer);
      resolve();
    }
    console.log(`TERMGUARD_SCREENSHOT ${name}`);
  });
}

/** Why a test that reads the page skips: only the code-server runner can see the workbench's DOM. */
export const NEEDS_PAGE_REASON =
  'needs the code-server runner, which reads the workbench page (TERMGUARD_SCREENSHOT_DIR is empty, as under the Electron runner)';

/** True when the runner answers screenshots and page probes (the code-server runner sets TERMGUARD_SCREENSHOT_DIR). */
export function runnerSeesThePage(): boolean {
  return !!process.env.TERMGUARD_SCREENSHOT_DIR;
}

/** What the runner's `hover` probe reports about the visible editor hover (see test/vscode/pageProbes.mjs). */
export interface HoverLayout {
  readonly error?: string;
  readonly ready?: boolean;
  readonly waitError?: string;
  readonly found?: boolean;
  readonly settled?: boolean;
  readonly text?: string;
  readonly scrollHeight?: number;
  readonly clientHeight?: number;
  readonly needsVerticalScroll?: boolean;
  readonly insideWindow?: boolean;
  readonly statusRow?: { readonly text: string; readonly inside: boolean; readonly actions: readonly string[] } | null;
  readonly quickFix?: { readonly label: string; readonly inside: boolean } | null;
}

/** What the runner's `quick-fix-menu` probe reports about the open code action menu. */
export interface QuickFixMenu {
  readonly error?: string;
  readonly ready?: boolean;
  readonly waitError?: string;
  readonly visible?: boolean;
  readonly titles?: readonly string[];
}

/**
 * Asks the code-server runner to run page probe `probe` (test/vscode/pageProbes.mjs)
 * with `args` and returns its answer, read from `<TERMGUARD_SCREENSHOT_DIR>/<name>.json`
 * (the runner writes it atomically). Call only when `runnerSeesThePage()`.
 * Rejects when no answer comes within `timeoutMs`, a hang guard: the probe
 * itself gives up after ten seconds and answers anyway.
 */
export function probePage<T>(probe: 'hover' | 'quick-fix-menu', name: string, args: object, timeoutMs = 30_000): Promise<T> {
  const dir = process.env.TERMGUARD_SCREENSHOT_DIR;
  assert.ok(dir, `probe ${probe}: ${NEEDS_PAGE_REASON}`);
  const file = path.join(dir, `${name}.json`);
  fs.rmSync(file, { force: true });
  return new Promise<T>((resolve, reject) => {
    const poll = setInterval(() => {
      if (!fs.existsSync(file)) return;
      finish();
      try {
        resolve(JSON.parse(fs.readFileSync(file, 'utf8')) as T);
      } catch (error) {
        reject(new Error(`probe ${probe}: unreadable answer in ${file}: ${String(error)}`));
      }
    }, 50);
    const guard = setTimeout(() => {
      finish();
      reject(new Error(`probe ${probe}: the runner wrote no ${file} within ${timeoutMs} ms`));
    }, timeoutMs);
    function finish(): void {
      clearInterval(poll);
      clearTimeout(guard);
    }
    console.log(`TERMGUARD_PROBE ${probe} ${name} ${JSON.stringify(args)}`);
  });
}
