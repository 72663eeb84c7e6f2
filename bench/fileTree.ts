/**
 * The many-files benchmark: a tree of 2,000 Markdown files totalling about
 * 10 MB (folders of 100 files), checked by the CLI process on one thread and
 * with worker threads, next to one 10 MB file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownCorpus } from './corpus';
import { projectRoot } from './projectRoot';

/** Writes `files` Markdown files of `bytes / files` characters each under `dir`; returns the bytes written. */
export function writeFileTree(dir: string, files = 2000, bytes = 10 * 1024 * 1024): number {
  let written = 0;
  const each = Math.floor(bytes / files);
  for (let index = 0; index < files; index++) {
    const folder = join(dir, `part-${String(Math.floor(index / 100)).padStart(2, '0')}`);
    if (index % 100 === 0) mkdirSync(folder, { recursive: true });
    const text = markdownCorpus(each, index + 1);
    writeFileSync(join(folder, `doc-${String(index).padStart(4, '0')}.md`), text);
    written += Buffer.byteLength(text);
  }
  return written;
}

/** Wall-clock and CPU seconds (all threads) of a CLI process. */
export interface CliTime {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * The medians of `runs` runs of each of `variants` (argument lists of the
 * CLI, run in `cwd`, exit status 0 or 1 expected), the variants taking turns
 * so that a machine's changing load falls on each alike: wall-clock seconds,
 * and CPU seconds of all the process's threads, which a busy machine
 * inflates far less than wall-clock time.
 */
export function timeCli(cli: string, variants: readonly (readonly string[])[], cwd: string, runs = 3): CliTime[] {
  const walls: number[][] = variants.map(() => []);
  const cpus: number[][] = variants.map(() => []);
  const probe = join(projectRoot(), 'bench', 'reportCpuTime.cjs');
  for (let run = 0; run < runs; run++) {
    variants.forEach((args, index) => {
      const started = performance.now();
      const result = spawnSync(process.execPath, ['-r', probe, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      walls[index]!.push((performance.now() - started) / 1000);
      if (result.status !== 0 && result.status !== 1) throw new Error(`CLI failed (${result.status}): ${result.stderr}`);
      cpus[index]!.push(Number(/cpu-ms (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1000);
    });
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return variants.map((_, index) => ({ wall: median(walls[index]!), cpu: median(cpus[index]!) }));
}
