/**
 * The extension's browser entry (package.json `browser`), for vscode.dev and
 * github.dev: starts the browser build of the language server in a web
 * worker (dist/web/server.js) and answers its requests for workspace files
 * (`.termguard.yaml`, rule packs) with `vscode.workspace.fs`, since the
 * worker has no file system. Commands that need Node say so instead of
 * failing. The desktop entry is client/src/extension.ts.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/browser';
import {
  READ_WORKSPACE_FILE_REQUEST,
  type ReadWorkspaceFileParams,
  type ReadWorkspaceFileResult,
} from '../../../server/src/protocol/protocol';

/** What the extension uses of a web worker (the DOM's Worker type is not in this project's libs). */
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

/** URI schemes of documents worth checking in a browser: local and remote files and untitled buffers, not diffs or output. */
const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

/** The commands of package.json that need the desktop (Node) build. */
const DESKTOP_ONLY_COMMANDS: Readonly<Record<string, string>> = {
  'termguard.checkWorkspace': 'Check Workspace',
  'termguard.showGlossary': 'Show Glossary',
  'termguard.explainRule': 'Explain Rule',
};

let client: LanguageClient | undefined;
let serverWorker: ServerWorker | undefined;

/** The text of a workspace file, or null when it cannot be read (no such file, or Restricted Mode). */
async function readWorkspaceFile({ uri }: ReadWorkspaceFileParams): Promise<ReadWorkspaceFileResult> {
  if (!vscode.workspace.isTrusted) return null;
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true));
    return { text: new TextDecoder('utf-8').decode(bytes) };
  } catch {
    return null;
  }
}

/**
 * The server's worker. The extension host refuses a worker script on a
 * `vscode-remote:` URI (an extension installed on a remote or code-server
 * host), so the script is then read with `vscode.workspace.fs` and started
 * from a blob URL.
 */
async function startServerWorker(context: vscode.ExtensionContext): Promise<ServerWorker> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  const options = { name: 'Termguard language server' };
  if (serverMain.scheme !== 'vscode-remote') return new Worker(serverMain.toString(true), options);
  const script = await vscode.workspace.fs.readFile(serverMain);
  return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })), options);
}

async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const languages = vscode.workspace.getConfiguration('termguard').get<string[]>('languages') ?? [];
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => DOCUMENT_SCHEMES.map((scheme) => ({ scheme, language }))),
    synchronize: {
      configurationSection: 'termguard',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.termguard.yaml'),
        vscode.workspace.createFileSystemWatcher('**/*.termguard.yaml'),
      ],
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  const worker = await startServerWorker(context);
  serverWorker = worker;
  const languageClient = new LanguageClient('termguard', 'Termguard', worker as ServerOptions, clientOptions);
  languageClient.onRequest(READ_WORKSPACE_FILE_REQUEST, readWorkspaceFile);
  return languageClient;
}

/** Starts the worker and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  for (const [command, title] of Object.entries(DESKTOP_ONLY_COMMANDS)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command, () =>
        vscode.window.showInformationMessage(
          `Termguard: ${title} needs the desktop version of VS Code; in the browser, open a document to check it.`,
        ),
      ),
    );
  }
  context.subscriptions.push(
    vscode.commands.registerCommand('termguard.restartServer', () => restart(context)),
    vscode.commands.registerCommand('termguard.showOutput', () => client?.outputChannel.show()),
    // The server learns about trust at start, so granting it starts a new one that reads the workspace's packs.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(context)),
  );
  await restart(context);
}

async function stop(): Promise<void> {
  await client?.stop();
  serverWorker?.terminate();
  client = undefined;
  serverWorker = undefined;
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  client = await startClient(context);
  await client.start();
}

/** Stops the worker. */
export async function deactivate(): Promise<void> {
  await stop();
}
