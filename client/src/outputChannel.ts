/**
 * The extension's single log: the client's own messages, the language
 * server's `window/logMessage` output and (with `termguard.trace.server`)
 * the protocol trace all go to one "Termguard" log channel, which survives
 * server restarts.
 */
import * as vscode from 'vscode';

/** The name shown in the Output view's channel list. */
export const OUTPUT_CHANNEL_NAME = 'Termguard';

/** Creates the "Termguard" log output channel; the caller disposes it. */
export function createOutputChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
}
