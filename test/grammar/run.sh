#!/usr/bin/env bash
# Runs the TextMate grammar tests (vscode-tmgrammar-test). Exits non-zero when an assertion fails.
#
#   test/grammar/run.sh              # all *.test.yaml and *.test.md files in test/grammar
#   test/grammar/run.sh FILE...      # only the given test files
#
# The stubs stand in for VS Code's built-in YAML and Markdown grammars, which a standalone
# run cannot load. The injection grammar comes through tmgrammar-test.config.json because
# only a configuration can say what it is injected into (-g cannot).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if [ "$#" -eq 0 ]; then
  set -- 'test/grammar/*.test.yaml' 'test/grammar/*.test.md'
fi

exec npx --no vscode-tmgrammar-test \
  --config test/grammar/tmgrammar-test.config.json \
  -g syntaxes/termguard-pack.tmLanguage.json \
  -g test/grammar/yaml-stub.tmLanguage.json \
  -g test/grammar/markdown-stub.tmLanguage.json \
  "$@"
