/**
 * Writing long output to a stream at the pace the reader takes it: text is
 * gathered into chunks, and after a write the stream refuses (its buffer is
 * full, as with a slow pipe), nothing more is written until it says 'drain'.
 * Without this, a report of millions of lines piles up in memory.
 */
import type { CliWriter } from './cliIO';

/** Text is handed to the stream in pieces of about this many characters. */
const CHUNK_CHARACTERS = 1 << 20;

/** A CliWriter that honours back-pressure; call `flush` to write out what was added. */
export class PacedOutput {
  // Appending with += builds a rope that the write flattens once, which is cheaper than joining an array of small pieces.
  private pending = '';

  constructor(private readonly writer: CliWriter) {}

  /** Adds text, writing (and waiting for the stream, if it asks to) whenever a chunk is full. */
  async add(pieces: Iterable<string>): Promise<void> {
    for (const piece of pieces) {
      this.pending += piece;
      if (this.pending.length >= CHUNK_CHARACTERS) await this.flush();
    }
  }

  /** Writes everything added so far, then waits until the stream can take more. */
  async flush(): Promise<void> {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    const accepted = this.writer.write(text);
    if (accepted === false && this.writer.once) {
      await new Promise<void>((resolve) => this.writer.once!('drain', resolve));
    }
  }
}
