#!/usr/bin/env bash
# Installs the DICOM validators the core tests use when present: dciodvfy (Debian package dicom3tools)
# and dcmdump (Debian package dcmtk). Idempotent and quiet; never fails the build: without apt-get or
# root, it prints a warning and the conformance tests skip themselves.
set -u

if command -v dciodvfy >/dev/null 2>&1 && command -v dcmdump >/dev/null 2>&1; then
    exit 0
fi

warn() {
    echo "warning: $1; DICOM conformance tests (dciodvfy/dcmdump) will be skipped" >&2
    exit 0
}

command -v apt-get >/dev/null 2>&1 || warn "apt-get not available"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
        SUDO="sudo -n"
    else
        warn "not root and no passwordless sudo"
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || warn "apt-get update failed"
$SUDO apt-get install -y -qq --no-install-recommends dicom3tools dcmtk >/dev/null 2>&1 \
    || warn "apt-get install dicom3tools dcmtk failed"

if command -v dciodvfy >/dev/null 2>&1 && command -v dcmdump >/dev/null 2>&1; then
    echo "installed dciodvfy (dicom3tools) and dcmdump (dcmtk)"
else
    warn "dciodvfy or dcmdump still missing after installation"
fi
exit 0
