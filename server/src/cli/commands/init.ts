/** `termguard init`: writes a commented `.termguard.yaml` in the working directory, never over an existing one. */
import { join } from 'node:path';
import { CONFIG_FILE_NAME } from '../../engine/index';
import { createFileExclusive, FileWriteError } from '../../project/atomicWrite';
import type { CliIO } from '../cliIO';

/** The config `init` writes: every key, each with a comment, set to what Termguard does without a config. */
export const INITIAL_CONFIG = `# Termguard configuration. Termguard looks for this file in the folder of each
# checked file and in the folders above it; nearer files override farther ones.
# Reference: https://github.com/termguard/termguard#termguardyaml

# Stop looking for .termguard.yaml files in the folders above this one.
root: true

# Load Termguard's built-in rule packs.
builtin: true

# More rule packs (*.termguard.yaml), relative to this file.
# \`termguard test PACK\` runs a pack's examples.
packs: []
#  - style/house.termguard.yaml

# Severity overrides: off, hint, information, warning or error, by rule id,
# by category (category:NAME) or by pack (pack:NAME); the most specific wins.
# \`termguard list-rules\` lists the rule ids and categories.
rules: {}
#  memo/calls-on: error
#  category:naming: warning

# The claim model: a learned reader that reports, as warnings, likely claims
# in wordings no rule lists. false switches it off.
claim-model: true

# Files not to check: globs relative to this file's folder.
ignore: []
#  - drafts/**
#  - CHANGELOG.md

# Folder walks check prose formats (Markdown, MDX, text, HTML, AsciiDoc,
# reStructuredText, notebooks). Kinds to check besides them: source code
# comments and strings (python, typescript, go…), vue, svelte, or json and
# yaml for locale files.
kinds: []
#  - python

# Files to read as a kind: globs relative to this file's folder.
readers: {}
#  "docs/**/*.txt": markdown
`;

/** Runs `termguard init`; exit 2 when the file exists or cannot be written. */
export function runInit(io: CliIO): number {
  const path = join(io.cwd, CONFIG_FILE_NAME);
  try {
    createFileExclusive(path, new TextEncoder().encode(INITIAL_CONFIG));
  } catch (error) {
    if (!(error instanceof FileWriteError)) throw error;
    const why = error.code === 'EEXIST' ? 'it already exists; edit it, or remove it first to start afresh' : error.reason;
    io.stderr.write(`termguard: did not write ${CONFIG_FILE_NAME}: ${why}\n`);
    return 2;
  }
  io.stdout.write(`Wrote ${CONFIG_FILE_NAME}. Run \`termguard check\` to check the files below this folder.\n`);
  return 0;
}
