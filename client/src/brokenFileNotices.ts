/**
 * Warnings about broken rule packs and configs, with a way to the problem:
 * the server sends `termguard/brokenFile` (see
 * server/src/protocol/protocol.ts) when a pack or config it loads from
 * disk has errors (at start, or after a save; never while it is typed), and
 * the warning offers to open the file or the Problems panel.
 */
import * as vscode from 'vscode';
import type { BrokenFileNotice } from '../../server/src/protocol/protocol';

export { BROKEN_FILE_NOTIFICATION } from '../../server/src/protocol/protocol';

/** The command that opens the Problems panel. */
export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/** A warning as it was shown: its text and buttons. */
export interface ShownNotice {
  readonly message: string;
  readonly actions: readonly string[];
  readonly uri: string;
}

function isNotice(value: unknown): value is BrokenFileNotice {
  const notice = value as Partial<BrokenFileNotice> | undefined;
  return typeof notice?.message === 'string' && typeof notice.uri === 'string' && (notice.kind === 'pack' || notice.kind === 'config');
}

/** Shows the server's broken-file notices and remembers them (the real-editor tests read them). */
export class BrokenFileNotices implements vscode.Disposable {
  private readonly notices: ShownNotice[] = [];
  private readonly shownEmitter = new vscode.EventEmitter<ShownNotice>();

  /** Fires after a notice was shown. */
  readonly onDidShow = this.shownEmitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  dispose(): void {
    this.shownEmitter.dispose();
  }

  /** Every notice shown so far, oldest first. */
  get shown(): readonly ShownNotice[] {
    return this.notices;
  }

  /** Shows a notice from the server as a warning with "Open pack" (or "Open config") and "Show Problems". */
  show(params: unknown): void {
    if (!isNotice(params)) {
      this.log.warn(`Ignored a malformed broken-file notice from the server: ${JSON.stringify(params)}`);
      return;
    }
    const open = params.kind === 'pack' ? 'Open pack' : 'Open config';
    const actions = [open, 'Show Problems'];
    const notice: ShownNotice = { message: params.message, actions, uri: params.uri };
    this.notices.push(notice);
    void vscode.window.showWarningMessage(params.message, ...actions).then((choice) => (choice ? this.act(notice, choice) : undefined));
    this.shownEmitter.fire(notice);
  }

  /**
   * Does what a notice's button does: "Open pack" (or "Open config") opens
   * the file, "Show Problems" the Problems panel. Resolves once it is done.
   */
  async act(notice: ShownNotice, choice: string): Promise<void> {
    if (choice === notice.actions[0]) {
      try {
        await vscode.window.showTextDocument(vscode.Uri.parse(notice.uri, true), { preview: false });
      } catch (error) {
        this.log.error(`Could not open ${notice.uri}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (choice === 'Show Problems') {
      await vscode.commands.executeCommand(SHOW_PROBLEMS_COMMAND);
    }
  }
}
