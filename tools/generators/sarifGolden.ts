/**
 * The SARIF log of a fixed tree of files, kept as a fixture: reports are
 * streamed file by file, and this log pins what they add up to.
 */
import * as path from 'node:path';
import { BUILTIN_PACK, run, tempTree } from '../../test/helpers/cliRun';

/** Where the golden log lives. */
export const sarifGoldenFile = path.join(__dirname, '../../test/fixtures/cli/sarif-many-files.json');

/** A pack with two rules and a document problem, and a tree of files that uses all of them. */
export function manyFilesTree(): { root: string; builtin: string[] } {
  const packDir = tempTree({ 'core.termguard.yaml': `${BUILTIN_PACK}\nproblem TODO unused-suppression\n` });
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) {
    const name = `docs/${String(i).padStart(2, '0')}.md`;
    if (i % 4 === 0) files[name] = 'Nothing to see.\n';
    else if (i % 4 === 1) files[name] = `Line one is forbidden.\n\nTODO meh and forbidden ${i}.\n`;
    else if (i % 4 === 2) files[name] = '';
    else files[name] = 'meh\r\nforbidden forbidden 😀 forbidden\r\n';
  }
  files['docs/my file.txt'] = 'A forbidden TODO in plain text.\n';
  return { root: tempTree(files), builtin: [path.join(packDir, 'core.termguard.yaml')] };
}

/** A SARIF log with its machine-specific source root replaced. */
export function normaliseSarif(text: string): unknown {
  const log = JSON.parse(text);
  log.runs[0].originalUriBaseIds['%SRCROOT%'].uri = 'file:///SRCROOT/';
  return log;
}

/** The golden log's text, as `npm run generate` writes it. */
export async function renderSarifGolden(): Promise<string> {
  const { root, builtin } = manyFilesTree();
  const { out } = await run(root, ['check', '--format', 'sarif', 'docs'], { builtin });
  return `${JSON.stringify(normaliseSarif(out), null, 2)}\n`;
}
