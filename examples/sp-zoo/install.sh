#!/usr/bin/env bash
# Installs the Debian packages of the SP zoo's Debian half (examples/sp-zoo/registry-debian.ts).
# Idempotent: installs only what `dpkg -s` does not find, refreshes the package lists only when
# a package is missing from them. Needs root (or sudo) and Debian's apt archive.
set -euo pipefail

packages=(
  # pysaml2 (xmlsec1 is its signer and verifier)
  python3-pysaml2 xmlsec1 python3-flask
  # OneLogin python3-saml
  python3-onelogin-saml2 python3-xmlsec
  # Authlib
  python3-authlib python3-requests
  # ruby-saml and omniauth_openid_connect, on Sinatra served by WEBrick
  ruby ruby-saml ruby-sinatra ruby-rack ruby-webrick
  ruby-omniauth ruby-omniauth-openid-connect
)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "sp-zoo (debian): all ${#packages[@]} packages installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "sp-zoo (debian): run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi

# Refresh the lists only when one of the packages is unknown to them.
for p in "${missing[@]}"; do
  if ! apt-cache show "$p" >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -q
    break
  fi
done

echo "sp-zoo (debian): installing ${missing[*]}"
if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  for p in "${missing[@]}"; do
    apt-cache show "$p" >/dev/null 2>&1 || echo "sp-zoo (debian): package $p is not in this system's apt sources" >&2
  done
  echo "sp-zoo (debian): apt-get install failed for: ${missing[*]}" >&2
  exit 1
fi
for p in "${missing[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || { echo "sp-zoo (debian): package $p did not install" >&2; exit 1; }
done
echo "sp-zoo (debian): installed ${missing[*]}"
