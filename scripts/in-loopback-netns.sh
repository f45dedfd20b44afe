#!/usr/bin/env bash
# Runs its arguments inside a private network namespace that has only loopback (127.0.0.1, ::1),
# so a WebRTC test or benchmark can never touch another address (the measured platform facts: Chromium needs a loopback-only namespace for WebRTC tests).
# The test process, the servers it starts on 127.0.0.1 and Chromium all share that loopback.
#
#   bash scripts/in-loopback-netns.sh npx vitest run --project call
#
# As root: `unshare -n`. As a normal user: `unshare -rn` (a user namespace maps us to root inside,
# which is what `ip link set lo up` needs). Already in a loopback-only namespace: runs directly.
# Exports WVV_LOOPBACK_NETNS=1 so the command (and anything it re-executes) can tell.
set -euo pipefail

die() {
  echo "in-loopback-netns: $*" >&2
  exit 127
}

[ "$#" -gt 0 ] || die "usage: $0 COMMAND [ARG...]"
command -v unshare >/dev/null 2>&1 || die "'unshare' not found: install util-linux (apt-get install util-linux)"
command -v ip >/dev/null 2>&1 || die "'ip' not found: install iproute2 (apt-get install iproute2)"

export WVV_LOOPBACK_NETNS=1

# Every interface with an address other than lo means we are still on the host's network.
if [ -z "$(ip -o addr show | awk '$2 != "lo" { print $2 }')" ]; then
  ip link set lo up 2>/dev/null || true
  exec "$@"
fi

if [ "$(id -u)" -eq 0 ]; then
  flags=(-n)
else
  flags=(-r -n)
fi

# Check first, so a refused namespace is not mistaken for the command's own failure.
unshare "${flags[@]}" true 2>/dev/null ||
  die "cannot create a network namespace with 'unshare ${flags[*]}' (as a normal user this needs unprivileged user namespaces: sysctl kernel.unprivileged_userns_clone=1)"

exec unshare "${flags[@]}" -- sh -c 'ip link set lo up && exec "$@"' in-loopback-netns "$@"
