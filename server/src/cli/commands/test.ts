/** `termguard test [PACK...]`: runs every rule's bad/good examples. */
import { resolve } from 'node:path';
import { pathStatus } from '../../project/boundedRead';
import { useColor, type CommandContext } from '../cliIO';
import { formatProblem } from '../../project/configResolution';
import { projectEngine } from './projectEngine';

/**
 * Runs the examples of the given packs (or, without any, of every pack of the
 * project engine), printing `PASS`/`FAIL file:line rule kind: text` per
 * example and a summary. Exit 1 when an example fails, 2 when a pack is
 * missing or broken.
 */
export function runTest(packs: readonly string[], configFile: string | undefined, context: CommandContext): number {
  const { io } = context;
  let unusable = false;
  for (const pack of packs) {
    const status = pathStatus(resolve(io.cwd, pack));
    if (status.kind === 'file') continue;
    unusable = true;
    const why =
      status.kind === 'missing' && status.message === 'no such file or directory'
        ? 'no such pack file'
        : 'message' in status
          ? status.message
          : 'not a regular file';
    io.stderr.write(`termguard: ${pack}: ${why}\n`);
  }
  if (unusable) return 2;
  const built = projectEngine(context, configFile, packs);
  if ('exitCode' in built) return built.exitCode;
  for (const problem of built.problems) io.stderr.write(`${formatProblem(problem)}\n`);

  const results = built.engine.runExamples(packs.length > 0 ? built.extraNames : undefined);
  const color = useColor(io, io.stdout);
  const paint = (code: number, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  let failures = 0;
  for (const result of results) {
    const where = `${result.source.file}:${result.source.line + 1}`;
    const text = result.text.replace(/\s*[\r\n]+\s*/g, ' ');
    if (result.passed) {
      io.stdout.write(`${paint(32, 'PASS')} ${where}  ${result.ruleId}  ${result.kind}: ${text}\n`);
    } else {
      failures++;
      io.stdout.write(
        `${paint(31, 'FAIL')} ${where}  ${result.ruleId}  ${result.kind}: ${text}${result.detail ? `\n       ${result.detail}` : ''}\n`,
      );
    }
  }
  const summary =
    results.length === 0
      ? 'No examples to run.'
      : `${results.length - failures} passed, ${failures} failed (${results.length} example${results.length === 1 ? '' : 's'})`;
  io.stdout.write(`\n${failures > 0 ? paint(31, summary) : paint(32, summary)}\n`);
  return failures > 0 ? 1 : 0;
}
