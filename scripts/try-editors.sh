#!/usr/bin/env bash
# Tries the README's editor snippets in the editors Debian has: Neovim 0.7 (```lua nvim-0.7) and
# Emacs 28 with eglot (```elisp eglot), each headless, on a plain-text file with damage, and on
# LaTeX and Org files that must get no diagnostics. Installs the Debian packages when run as root
# and they are missing. Not part of `npm test`: it needs those editors. Exit 1 on any surprise.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
if [ "$(id -u)" = 0 ] && { ! command -v nvim >/dev/null || ! command -v emacs >/dev/null || [ ! -d /usr/share/emacs/site-lisp/elpa-src/eglot-1.9 ] && [ ! -d /usr/share/emacs/site-lisp/elpa/eglot-1.9 ]; }; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim emacs-nox elpa-eglot elpa-markdown-mode >/dev/null
fi
[ -f dist/src/server/bin.js ] || npm run build >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home"
ln -s "$here/dist/src/server/bin.js" "$work/bin/copydesk-language-server"
export PATH="$work/bin:$PATH" HOME="$work/home"
# The snippets exactly as the README prints them.
snippet() { awk -v tag="$1" '$0 == "```" tag {on=1; next} on && /^```/ {exit} on {print}' README.md; }
snippet 'lua nvim-0.7' > "$work/init.lua"
snippet 'elisp eglot' > "$work/init.el"
[ -s "$work/init.lua" ] && [ -s "$work/init.el" ] || { echo "try-editors: snippets not found in README.md"; exit 1; }
printf 'Officials met in Tokyo. he said the talks went well. .\n' > "$work/story.txt"
printf '# Talks\n\nofficials met. he said so. .\n' > "$work/story.md"
printf '\\section{Talks}\nofficials met. he said so. .\n' > "$work/paper.tex"
printf '* Talks\nofficials met. he said so. .\n' > "$work/notes.org"
cd "$work"
fail=0
expect() { # name, output, pattern
  if grep -qE "$3" <<<"$2"; then echo "ok   $1"; else echo "FAIL $1"; echo "$2" | sed 's/^/     /'; fail=1; fi
}
if command -v nvim >/dev/null; then
  echo "Neovim: $(nvim --version | head -1)"
  out=$(timeout 60 nvim --headless -u init.lua -c "luafile $here/scripts/editors/check.lua" story.txt 2>&1 || true)
  expect 'neovim: diagnostics on plain text, fix-all applied' "$out" 'fixed: Officials met in Tokyo\. He said the talks went well\.$'
  out=$(COPYDESK_WAIT=3000 timeout 30 nvim --headless -u init.lua -c "luafile $here/scripts/editors/check.lua" paper.tex 2>&1 || true)
  expect 'neovim: no client on LaTeX' "$out" '^clients: 0'
else echo "skip Neovim: not installed"; fi
if command -v emacs >/dev/null; then
  echo "Emacs: $(emacs --version | head -1)"
  for file in story.txt story.md; do
    out=$(timeout 60 emacs --batch -l init.el -l "$here/scripts/editors/check.el" "$file" 2>&1 || true)
    expect "emacs: diagnostics in $file" "$out" 'stray-punctuation'
  done
  for file in paper.tex notes.org; do
    out=$(COPYDESK_WAIT_S=3 timeout 30 emacs --batch -l init.el -l "$here/scripts/editors/check.el" "$file" 2>&1 || true)
    expect "emacs: not managed in $file" "$out" 'managed: nil'
  done
else echo "skip Emacs: not installed"; fi
exit $fail
