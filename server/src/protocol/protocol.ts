/**
 * The contract between the VS Code extension (client/) and the language
 * server (server/src/lsp/), written once and imported by both: command ids
 * and their results, custom notifications, the diagnostic source, the
 * settings section and how the server process is started. Types only, plus
 * constants: importing it pulls no server code into the client bundle.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RuleInfo, Severity } from '../engine/api';

/** `Diagnostic.source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'termguard';

/** The settings section the server reads (`termguard.*`). */
export const SETTINGS_SECTION = 'termguard';

/**
 * `termguard.languages` when unset, as VS Code's language ids (package.json's
 * default is the same list): the prose formats and notebooks. Source code is
 * left out, so nobody gets findings in code they did not ask for.
 */
export const DEFAULT_LANGUAGE_IDS: readonly string[] = Object.freeze([
  'markdown',
  'mdx',
  'plaintext',
  'html',
  'asciidoc',
  'restructuredtext',
  'git-commit',
  'jupyter',
]);

/** The commands the server executes (`workspace/executeCommand`). */
export const SERVER_COMMANDS = {
  checkWorkspace: 'termguard.checkWorkspace',
  explainRule: 'termguard.explainRule',
  glossary: 'termguard.glossary',
  rules: 'termguard.rules',
} as const;

/** The outcome for one file of `termguard.checkWorkspace`. */
export interface WorkspaceFileResult {
  readonly uri: string;
  /** Number of diagnostics per severity. */
  readonly counts: Readonly<Record<Severity, number>>;
  readonly diagnostics: readonly Diagnostic[];
  /** Why the file was not checked (too large, unreadable, ignored, language not enabled). */
  readonly skipped?: string;
}

/** The result of `termguard.checkWorkspace`. */
export interface WorkspaceCheckResult {
  readonly files: readonly WorkspaceFileResult[];
  /** True when the request was cancelled before every file was checked. */
  readonly cancelled: boolean;
}

/** The result of `termguard.explainRule`. */
export interface RuleExplanation {
  readonly rule: RuleInfo;
  /** The rule's documentation link (its pack's `documentation:` URL), absent when its pack has none. */
  readonly url?: string;
  /** The rule rendered as Markdown (summary, reason, alternatives, examples, link). */
  readonly markdown: string;
}

/**
 * The notification a client that asks for it (`initializationOptions.brokenFileNotices`)
 * gets instead of a plain `window/showMessage` warning when a rule pack or
 * config it loads is broken: the same message, plus the file, so the editor
 * can offer to open it.
 */
export const BROKEN_FILE_NOTIFICATION = 'termguard/brokenFile';

/** The parameters of {@link BROKEN_FILE_NOTIFICATION}. */
export interface BrokenFileNotice {
  /** What is wrong and what still runs, naming the file relative to its workspace folder. */
  readonly message: string;
  /** The broken file. */
  readonly uri: string;
  readonly kind: 'pack' | 'config';
}

/**
 * Node options the server process is started with, by the extension and by
 * the benchmark (so it measures the server as the extension runs it).
 *
 * V8 gives the young generation up to 16 MB per semi-space (32 MB resident
 * once it has grown). The server's garbage per keystroke is small, so 4 MB
 * semi-spaces cost no measurable latency and keep about 30 MB off the
 * server's resident memory with a 100,000-line document open.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4'];

/** The URI scheme of a cell of a notebook open in VS Code's notebook editor; its path is the notebook's. */
export const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

/**
 * Language ids of source code, components and locale files. The client sends
 * documents of these languages to the server even when
 * `termguard.languages` leaves them out, because a `.termguard.yaml` can turn
 * them on (`kinds:`, `readers:`); the server checks them only when it does.
 * They are also the languages of the notebook code cells the server reads.
 */
export const CODE_LANGUAGE_IDS: readonly string[] = Object.freeze([
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
  'python',
  'go',
  'java',
  'csharp',
  'rust',
  'ruby',
  'shellscript',
  'vue',
  'svelte',
  'json',
  'jsonc',
  'yaml',
]);

/**
 * Request from the browser build of the server to its client: the text of a
 * workspace file (`.termguard.yaml`, a rule pack), which a server in a web
 * worker cannot read itself. The client reads it with `vscode.workspace.fs`.
 */
export const READ_WORKSPACE_FILE_REQUEST = 'termguard/readWorkspaceFile';

/** Parameters of {@link READ_WORKSPACE_FILE_REQUEST}. */
export interface ReadWorkspaceFileParams {
  readonly uri: string;
}

/** The answer to {@link READ_WORKSPACE_FILE_REQUEST}: the file's text, or null when there is no such file. */
export type ReadWorkspaceFileResult = { readonly text: string } | null;
