#!/usr/bin/env bash
# Set up .venv (project, test tools, spaCy model) and then open JupyterLab or run the tests.
#
#   bash scripts/bootstrap.sh setup   # only set up
#   bash scripts/bootstrap.sh lab     # set up, then JupyterLab on the first notebook
#   bash scripts/bootstrap.sh test    # set up, install Chromium, git, Node.js/npm and the hub's proxy if
#                                     # missing, fetch the lite site's fixtures, run the whole suite
#
# Safe to run again: pip runs only when pyproject.toml is newer than the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PY="$VENV/bin/python"
STAMP="$VENV/.newslab-installed"
NOTEBOOK=notebooks/01-reading-the-article.ipynb
CHROMIUM=/usr/bin/chromium
# The JupyterHub test's proxy, from npm, kept outside the repository (tests/browser/_hub.py reads the
# same folder and version). 5.1.0: the newest whose dependencies all run on Node.js 18 (Debian 12) and 20.
CHP_VERSION=5.1.0
CHP_PREFIX="${NEWSLAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newslab}/configurable-http-proxy-$CHP_VERSION"

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

# Debian packages the tests need: git (nbgitpuller clones the class repository on the hub),
# Node.js with npm for the hub's proxy, bubblewrap and util-linux's setpriv (the grader isolates each
# student's kernel with them). Without root or sudo, say what will fail.
ensure_debian() {
    local missing=()
    command -v git >/dev/null 2>&1 || missing+=(git)
    command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
    command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
    command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            warn "${missing[*]} missing and this user can neither apt-get nor sudo: the JupyterHub test will FAIL
    (and without bubblewrap the grader's isolation tests are skipped).
    Install them with: apt-get install -y ${missing[*]}   (as root), then run make test again."
            return 0
        fi
    fi
    say "installing Debian's ${missing[*]} for the JupyterHub and grading tests"
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# configurable-http-proxy for tests/browser/test_hub.py, pinned, into the cache folder (not the repository).
ensure_proxy() {
    [ -x "$CHP_PREFIX/node_modules/.bin/configurable-http-proxy" ] && return 0
    command -v npm >/dev/null 2>&1 || return 0  # ensure_debian has said why
    say "installing configurable-http-proxy $CHP_VERSION into $CHP_PREFIX"
    npm install --prefix "$CHP_PREFIX" --no-audit --no-fund --no-save "configurable-http-proxy@$CHP_VERSION"
}

# Pyodide 0.27.7 and the wheels of the lite site (tests/lite, tests/browser/test_lite.py), into a cache outside
# the repository; each Pyodide wheel is verified against the official lock (see the script).
ensure_lite_fixtures() {
    command -v npm >/dev/null 2>&1 || return 0  # ensure_debian has said why; the lite tests then fail and say so
    say "lite site fixtures (Pyodide, wheels) in ${NEWSLAB_LITE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newslab-lite}"
    "$PY" scripts/lite_fixtures.py
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
        ensure_debian
        ensure_proxy
        ensure_lite_fixtures
        # two or more workers, one test file each (module fixtures are shared within a file); --durations says
        # where the time goes. Arguments given to make test / this script come last and win (-n 0: one process).
        exec "$PY" -m pytest -n auto --maxprocesses 4 --dist loadfile --durations=20 "$@"
        ;;
    *)
        echo "usage: bash scripts/bootstrap.sh setup|lab|test [pytest arguments]" >&2
        exit 2
        ;;
esac
