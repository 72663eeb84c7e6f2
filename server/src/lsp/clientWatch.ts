/**
 * Notices that the client has gone away, so that the server ends instead of
 * working through queued requests whose answers nobody will read.
 *
 * Three signs, whichever comes first: the input stream ends or closes
 * (stdio), the IPC channel disconnects (the VS Code extension), or the
 * process the client named in `initialize` (`processId`) no longer exists.
 * The JSON-RPC library watches the last one too, but only every 3 seconds,
 * and not the stream when it is wrapped in a message reader, as here.
 */

/** How often the client's process is looked for. */
const DEFAULT_POLL_MS = 1000;

/** Watches for the client's end; {@link ClientWatchOptions.onGone} is called once, with the reason. */
export interface ClientWatchOptions {
  readonly onGone: (reason: string) => void;
  /** How often the client's process is polled, in milliseconds. */
  readonly pollMs?: number;
}

export class ClientWatch {
  private gone = false;
  private poll: NodeJS.Timeout | undefined;

  constructor(private readonly options: ClientWatchOptions) {}

  /** True once the client is known to be gone. */
  get clientGone(): boolean {
    return this.gone;
  }

  /** The end or close of the stream the client writes to means it is gone. */
  watchInput(stream: NodeJS.ReadableStream): void {
    stream.once('end', () => this.report('the input stream ended'));
    stream.once('close', () => this.report('the input stream closed'));
  }

  /** The disconnection of this process's IPC channel means the client is gone. */
  watchIpcChannel(channel: NodeJS.Process): void {
    channel.once('disconnect', () => this.report('the IPC channel was disconnected'));
  }

  /** Polls that process `pid` (the client's, from `initialize`) still exists; the timer does not keep the server alive. */
  watchProcess(pid: number): void {
    if (this.poll || !Number.isInteger(pid) || pid <= 0) return;
    this.poll = setInterval(() => {
      if (!isProcessAlive(pid)) this.report(`the client process ${pid} ended`);
    }, this.options.pollMs ?? DEFAULT_POLL_MS);
    this.poll.unref();
  }

  /** Stops polling. */
  dispose(): void {
    clearInterval(this.poll);
    this.poll = undefined;
  }

  private report(reason: string): void {
    if (this.gone) return;
    this.gone = true;
    this.dispose();
    this.options.onGone(reason);
  }
}

/** True when a process with id `pid` exists (one this process may not signal exists too). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
