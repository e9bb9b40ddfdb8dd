#!/usr/bin/env bash
# The app as a user installs it, checked by .ci/run: the wheel built and installed with its
# dependencies into a fresh virtual environment, whose `funnel-desktop --lang zh` speaks
# Chinese and whose first paint (offscreen) has the translation and the style sheet from the
# installed package; then, when CI=true (it takes a minute or more), the desktop bundle built
# with PyInstaller and smoke-tested: --version, the demo command, the first paint.
# Each step prints how long it took. Everything is made in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/funnel-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
version=$(python -c 'import funnel_desktop; print(funnel_desktop.__version__)')

timed() {  # timed NAME COMMAND…: run it, then say how long it took (wall clock and CPU)
  local TIMEFORMAT="ci: $1: %1R s (cpu %1U + %1S s)"
  shift
  time "$@"
}

chinese_cli() {  # $1: the program; its error for a missing file must be in Chinese
  local out
  out=$("$1" --lang zh check --db "$tmp/none.sqlite" 2>&1) && return 1
  case "$out" in *不存在*) ;; *) echo "ci: not Chinese: $out" >&2; return 1 ;; esac
  test "$("$1" --version)" = "Funnel Desktop $version"
}

timed "wheel built" python -m pip wheel -q --no-deps -w "$tmp/wheel" .
timed "fresh venv + wheel installed with its dependencies" \
  sh -c "python -m venv --without-pip '$tmp/venv' &&
         python -m pip --python '$tmp/venv/bin/python' install -q --no-compile '$tmp'/wheel/*.whl"
timed "installed CLI in Chinese" chinese_cli "$tmp/venv/bin/funnel-desktop"
timed "installed first paint (demo + offscreen, zh, style sheet)" \
  python tools/check_first_paint.py --expect-under "$tmp/venv" -- "$tmp/venv/bin/funnel-desktop"

if [ "${CI:-}" != "true" ]; then
  echo "ci: the desktop bundle is built only when CI=true"
  exit 0
fi
build_requirements=$(python -c 'import tomllib
print(" ".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["build"]))')
# shellcheck disable=SC2086
timed "PyInstaller installed" python -m pip install -q $build_requirements
timed "bundle built" python tools/build_app.py --dist "$tmp/dist" --work "$tmp/work"
bundle="$tmp/dist/FunnelDesktop/FunnelDesktop"
timed "bundle --version and CLI in Chinese" chinese_cli "$bundle"
timed "bundle first paint (demo + offscreen, zh, style sheet)" \
  python tools/check_first_paint.py --frozen -- "$bundle"
