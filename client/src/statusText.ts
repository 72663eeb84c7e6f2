/**
 * What the status bar item says, worked out from the server's state and the
 * current file's state alone (no `vscode` import, so it is unit-tested in
 * plain Node). The item is about the file in front of the user: "checking…"
 * until the server's first result for it, then its own findings. Totals for
 * the workspace are the Problems panel's job, and VS Code's own status bar
 * already counts errors and warnings.
 */

/** Where the language client is in its lifecycle (see languageClient.ts). */
export type ServerState = 'stopped' | 'starting' | 'running' | 'failed';

/** Findings of one file as the Problems panel lists them (hints are not listed there). */
export interface FileCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** The current file, as far as Termguard is concerned. */
export type CurrentFile =
  /** No editor, or a document Termguard does not check. */
  | { readonly kind: 'none' }
  /** Opened, no result from the server yet. */
  | { readonly kind: 'checking'; readonly name: string }
  /** Checked: `noun` is "finding" for prose, "problem" for rule packs and configs. */
  | { readonly kind: 'checked'; readonly name: string; readonly counts: FileCounts; readonly noun: 'finding' | 'problem' };

/** Everything the item shows. */
export interface StatusView {
  /** The item's text, with codicons as `$(name)`; always contains "Termguard". */
  readonly text: string;
  /** A plain sentence for screen readers: no codicons, no Markdown. */
  readonly accessibleLabel: string;
  /** The tooltip, as Markdown (codicons allowed). */
  readonly tooltip: string;
  /** Show the item on the error background (the server failed to start). */
  readonly error: boolean;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Markdown with the characters that could start markup escaped (file names go into the tooltip). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (character) => `\\${character}`);
}

const RESTRICTED_TOOLTIP =
  "$(shield) **Restricted Mode**: only the built-in rule pack runs. The workspace's `.termguard.yaml`, its rule packs and the `termguard.packs` and `termguard.baseline` settings are ignored until you trust this workspace.";

/** The status bar item's text, accessible label and tooltip. */
export function statusView(server: ServerState, file: CurrentFile, restricted: boolean): StatusView {
  const icon = restricted ? '$(shield)' : '$(book)';
  const restrictedLabel = restricted ? ' (Restricted Mode: only the built-in rules run)' : '';
  const tooltip = ['**Termguard**', ''];
  let text: string;
  let label: string;
  if (server === 'starting') {
    text = `${icon} Termguard $(sync~spin)`;
    label = 'Termguard: the language server is starting';
    tooltip.push('The language server is starting.');
  } else if (server === 'failed' || server === 'stopped') {
    text = `${icon} Termguard $(circle-slash)`;
    label = server === 'failed' ? 'Termguard: the language server failed to start' : 'Termguard: the language server is not running';
    tooltip.push(
      server === 'failed' ? 'The language server failed to start; see **Termguard: Show Output**.' : 'The language server is not running.',
    );
  } else if (file.kind === 'none') {
    text = `${icon} Termguard`;
    label = 'Termguard';
    tooltip.push('Open a Markdown or text file to check it. Click to open the Problems panel.');
  } else if (file.kind === 'checking') {
    text = `${icon} Termguard: checking…`;
    label = `Termguard: checking ${file.name}`;
    tooltip.push(`Checking ${escapeMarkdown(file.name)}…`);
  } else {
    const { errors, warnings, infos } = file.counts;
    const total = errors + warnings + infos;
    text = total === 0 ? `${icon} Termguard $(check)` : `${icon} Termguard: ${plural(total, file.noun)}`;
    label = total === 0 ? `Termguard: no ${file.noun}s in ${file.name}` : `Termguard: ${plural(total, file.noun)} in ${file.name}`;
    const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos > 0 ? [`${infos} info`] : [])];
    tooltip.push(
      total === 0
        ? `No ${file.noun}s in ${escapeMarkdown(file.name)}.`
        : `${plural(total, file.noun)} in ${escapeMarkdown(file.name)}: ${parts.join(', ')}. Click to open the Problems panel.`,
    );
  }
  if (restricted) tooltip.push('', RESTRICTED_TOOLTIP);
  return { text, accessibleLabel: `${label}${restrictedLabel}`, tooltip: tooltip.join('\n'), error: server === 'failed' };
}
