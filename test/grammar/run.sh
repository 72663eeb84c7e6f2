#!/usr/bin/env bash
# Runs the TextMate grammar tests with vscode-tmgrammar-test; exits non-zero if an assertion fails.
#
#   test/grammar/run.sh            all test/grammar/*.test.yaml and *.test.md
#   test/grammar/run.sh FILE...    only these test files
#
# VS Code's YAML and Markdown grammars are not on disk here, so yaml-stub and markdown-stub
# stand in for them. To run against the real ones instead, point TERMGUARD_VSCODE_EXTENSIONS
# at a VS Code (or code-server) extensions directory, e.g. .../lib/vscode/extensions.
# The injection grammar is declared in tmgrammar-test.config.json: -g cannot say what a
# grammar is injected into.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if [ "$#" -eq 0 ]; then
  set -- 'test/grammar/*.test.yaml' 'test/grammar/*.test.md'
fi

hosts=(-g test/grammar/yaml-stub.tmLanguage.json -g test/grammar/markdown-stub.tmLanguage.json)
if [ -n "${TERMGUARD_VSCODE_EXTENSIONS:-}" ]; then
  hosts=()
  for grammar in "$TERMGUARD_VSCODE_EXTENSIONS"/yaml/syntaxes/*.tmLanguage.json \
                 "$TERMGUARD_VSCODE_EXTENSIONS"/markdown-basics/syntaxes/markdown.tmLanguage.json \
                 "$TERMGUARD_VSCODE_EXTENSIONS"/html/syntaxes/*.tmLanguage.json; do
    [ -f "$grammar" ] || { echo "no such grammar: $grammar" >&2; exit 2; }
    hosts+=(-g "$grammar")
  done
fi

exec npx --no -- vscode-tmgrammar-test \
  --config test/grammar/tmgrammar-test.config.json \
  -g syntaxes/termguard-pack.tmLanguage.json \
  "${hosts[@]}" \
  "$@"
