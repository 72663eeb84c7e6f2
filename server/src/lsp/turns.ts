/**
 * One piece of request work per turn of the event loop.
 *
 * The JSON-RPC layer dispatches one message per turn, but a handler that
 * awaits something already settled (a cached check) continues in the same
 * microtask queue as every other handler waiting on it: a queue of
 * expensive requests (fix-all on a large document) then runs back to back
 * for minutes without the event loop turning once. Nothing else gets in
 * meanwhile: not a cancellation, not a new edit, not the end of the input
 * stream or the timer that notices the client has died. Handlers take a
 * turn here before their expensive part; turns are granted one per
 * iteration of the event loop, in order.
 */
export class TurnQueue {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Resolves in a turn of the event loop of its own, after the turns asked for before. */
  take(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.grantLater();
    });
  }

  private grantLater(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      // The waiter's work runs in the microtasks right after this callback; the
      // next grant, scheduled from inside a callback, waits for the next iteration.
      this.waiting.shift()!();
      this.grantLater();
    });
  }
}
