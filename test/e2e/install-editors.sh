#!/usr/bin/env bash
# Installs the editors that test/e2e/other-editors.test.ts runs README's
# configurations in: Debian's neovim and emacs-nox, with markdown-mode, and
# eglot from elpa-eglot when the Emacs has no built-in eglot (before 29).
# Idempotent: apt-get runs only when something is missing (it needs root then).
set -euo pipefail

missing=()
for package in neovim emacs-nox elpa-markdown-mode; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-editors: not root, cannot install $*; the editor tests will be skipped" >&2
    return 0
  fi
  [ -n "${TERMGUARD_APT_UPDATED:-}" ] || { apt-get update -qq; TERMGUARD_APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

if command -v emacs >/dev/null && ! emacs --batch --eval "(progn (require 'package) (package-initialize) (require 'eglot))" >/dev/null 2>&1; then
  apt_install elpa-eglot
fi
