#!/usr/bin/env bash
# Set up .venv (project, test tools, spaCy model) and then open JupyterLab or run the tests.
#
#   bash scripts/bootstrap.sh setup   # only set up
#   bash scripts/bootstrap.sh lab     # set up, then JupyterLab on the first notebook
#   bash scripts/bootstrap.sh test    # set up, install Chromium if missing, run the whole suite
#
# Safe to run again: pip runs only when pyproject.toml is newer than the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PY="$VENV/bin/python"
STAMP="$VENV/.newslab-installed"
NOTEBOOK=notebooks/01-reading-the-article.ipynb
CHROMIUM=/usr/bin/chromium

say() { printf '==> %s\n' "$*"; }
warn() { printf '\n!!! %s\n\n' "$*" >&2; }

setup() {
    if [ ! -x "$PY" ]; then
        say "creating $VENV"
        python3 -m venv "$VENV"
    fi
    if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
        say "installing newslab and its test tools into $VENV"
        "$PY" -m pip install -e ".[test]"
        touch "$STAMP"
    fi
    "$VENV/bin/newslab" model install
    # the same JupyterLab defaults as on Binder: no Jupyter news pop-up over the notebook
    mkdir -p "$VENV/share/jupyter/lab/settings"
    cp binder/overrides.json "$VENV/share/jupyter/lab/settings/overrides.json"
}

# Debian's chromium for tests/browser; without root or sudo the browser tests are skipped, loudly.
ensure_chromium() {
    [ -x "$CHROMIUM" ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            warn "$CHROMIUM is missing and this user can neither apt-get nor sudo: the browser tests are SKIPPED.
    Install it with: apt-get install -y chromium   (as root), then run make test again."
            export NEWSLAB_SKIP_BROWSER=1
            return 0
        fi
    fi
    say "installing Debian's chromium for the browser tests"
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
}

case "${1:-}" in
    setup)
        setup
        ;;
    lab)
        setup
        args=()
        [ "$(id -u)" -eq 0 ] && args+=(--allow-root)  # Jupyter refuses root without it
        # default_url: the printed link and the browser both open the first notebook
        # news_url=None: the server does not fetch the Jupyter news feed either
        exec "$VENV/bin/jupyter" lab "${args[@]}" --LabApp.default_url="/lab/tree/$NOTEBOOK" \
            --LabApp.news_url=None
        ;;
    test)
        shift
        setup
        ensure_chromium
        exec "$PY" -m pytest "$@"
        ;;
    *)
        echo "usage: bash scripts/bootstrap.sh setup|lab|test [pytest arguments]" >&2
        exit 2
        ;;
esac
