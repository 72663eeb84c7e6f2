/**
 * The notification a client that asks for it gets instead of a plain
 * `window/showMessage` warning when a rule pack or config it loads is broken:
 * the same message, plus the file, so the editor can offer to open it.
 * The VS Code extension asks with `initializationOptions.brokenFileNotices`.
 */

/** The method of the notification. */
export const BROKEN_FILE_NOTIFICATION = 'termguard/brokenFile';

/** Its parameters. */
export interface BrokenFileNotice {
  /** What is wrong and what still runs, naming the file relative to its workspace folder. */
  readonly message: string;
  /** The broken file. */
  readonly uri: string;
  readonly kind: 'pack' | 'config';
}
