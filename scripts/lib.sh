# Shared by scripts/start and scripts/test: find Python 3.12+ and keep .venv installed.
# Sourced, not run.

MIN_PYTHON="3.12"

# Print the first interpreter that really runs Python >= 3.12. A name on PATH is not
# enough: pyenv shims exist for versions that are not selected, and fail when run.
find_python() {
    local candidates=()
    [ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
    candidates+=(python3.13 python3.12 python3.14 python3 python)
    if command -v pyenv >/dev/null 2>&1; then
        local root
        root=$(pyenv root 2>/dev/null)
        for version_dir in "$root"/versions/3.1[2-9]*; do
            [ -x "$version_dir/bin/python3" ] && candidates+=("$version_dir/bin/python3")
        done
    fi
    for prefix in /usr/local/bin /usr/bin /opt/homebrew/bin; do
        for minor in 13 12 14; do candidates+=("$prefix/python3.$minor"); done
    done
    local candidate
    for candidate in "${candidates[@]}"; do
        if "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' \
            >/dev/null 2>&1; then
            command -v "$candidate" 2>/dev/null || echo "$candidate"
            return 0
        fi
    done
    return 1
}

# Create .venv with a suitable Python when needed, then install the project with the
# given extra ("" or "dev") whenever pyproject.toml changed since the last install.
ensure_venv() {
    local extra="$1"
    if ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' \
        >/dev/null 2>&1; then
        local python
        if ! python=$(find_python); then
            echo "Newsroom needs Python $MIN_PYTHON or newer (Django 6 requires it), and none" >&2
            echo "was found. Install one, or point PYTHON at it: PYTHON=/path/to/python3.12 $0" >&2
            exit 1
        fi
        echo "Creating .venv with $python ($("$python" --version))"
        rm -rf .venv
        "$python" -m venv .venv
    fi
    local stamp=".venv/.installed${extra:+-$extra}"
    local wanted
    wanted=$(cat pyproject.toml | .venv/bin/python -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')
    if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
        echo "Installing dependencies into .venv${extra:+ (with $extra tools)}"
        .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra:+[$extra]}"
        echo "$wanted" > "$stamp"
    fi
}

# Install the validators the page tests run (axe-core, the Nu HTML checker) into
# node_modules whenever package-lock.json changed. Without npm, those tests skip and say why.
ensure_node_tools() {
    if ! command -v npm >/dev/null 2>&1; then
        echo "npm not found: the accessibility and HTML-validity tests will be skipped" >&2
        return 0
    fi
    local stamp="node_modules/.installed"
    local wanted
    wanted=$(.venv/bin/python -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' package-lock.json)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
        echo "Installing the page validators into node_modules"
        # --ignore-scripts: vnu-jar's install script would download a Java runtime; the
        # machine's own Java runs it.
        npm ci --ignore-scripts --no-audit --no-fund --silent
        echo "$wanted" > "$stamp"
    fi
}
