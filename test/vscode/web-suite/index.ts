/**
 * The extension's browser build in a real browser: this module runs in
 * code-server's web worker extension host (the one vscode.dev and github.dev
 * use) with a browser-only copy of the extension (see ../runWeb.mjs). It
 * opens a Markdown file with a memo violation and a team-pack violation and
 * waits for both diagnostics: the server runs in a web worker and read
 * `.termguard.yaml` and the team pack through `vscode.workspace.fs`.
 * `run()` is the test entry point VS Code calls; it rejects on failure.
 */
import * as vscode from 'vscode';

/** A hang guard: diagnostics arrive within seconds when the server works. */
const DIAGNOSTICS_LIMIT_MS = 60_000;

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Resolves with the diagnostics of `uri` once `ready` accepts them. */
function diagnosticsWhen(uri: vscode.Uri, ready: (codes: string[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const look = (): void => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!ready(diagnostics.map((diagnostic) => codeOf(diagnostic) ?? ''))) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no such diagnostics for ${uri.toString()}: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(codeOf))}`));
    }, DIAGNOSTICS_LIMIT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics(look);
    look();
  });
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no workspace folder is open');
  if (typeof (globalThis as { process?: unknown }).process !== 'undefined') {
    throw new Error('the suite runs in the Node extension host, not in the browser');
  }
  const uri = vscode.Uri.joinPath(folder, 'notes', 'launch.md');
  const expected = ['memo/calls-on', 'team/no-utilize'];
  const arrived = diagnosticsWhen(uri, (codes) => expected.every((code) => codes.includes(code)));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const diagnostics = await arrived;
  console.log(`termguard web: diagnostics ${JSON.stringify(diagnostics.map((d) => [codeOf(d), d.range.start.line]))}`);
}
