#!/usr/bin/env bash
# The app as a user installs it, checked by .ci/run: the wheel built and installed with its
# dependencies into a fresh virtual environment, whose `funnel-desktop --lang zh` speaks
# Chinese and whose first paint (offscreen) has the translation and the style sheet from the
# installed package; then, when CI=true (it takes a minute or more), the desktop bundle built
# with PyInstaller and smoke-tested: --version, the demo command, the first paint.
# Each step prints how long it took (wall clock and CPU), the whole its total. Everything is
# made in a temporary folder; the pip cache the environment's own installation filled
# supplies the fresh venv (nothing is downloaded twice). .ci/run starts this in the
# background while the tests run.
set -euo pipefail
cd "$(dirname "$0")/.."
# A user's installation sees nothing of this checkout (with PYTHONPATH on it, the fresh venv's
# pip would find the checkout's metadata, call the wheel installed and skip it)
unset PYTHONPATH
tmp=$(mktemp -d "${TMPDIR:-/tmp}/funnel-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
# the programs' data folder, log and settings in the temporary folder too
export FUNNEL_DESKTOP_HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config"
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

bundle_commands() {  # $1: the bundle's program; the commands that use numpy, the PDF writer
  local db="$tmp/commands.sqlite" out
  "$1" --lang zh demo --db "$db" --deals 40 >/dev/null
  for command in metrics health check; do
    out=$("$1" --lang zh "$command" --db "$db" 2>&1) || { echo "ci: $command: $out" >&2; return 1; }
    case "$out" in *Traceback*) echo "ci: $command: $out" >&2; return 1 ;; esac
  done
  "$1" --lang zh report --db "$db" --pdf "$tmp/report.pdf" >/dev/null
  test -s "$tmp/report.pdf"
}

timed "wheel built" python -m pip wheel -q --no-deps -w "$tmp/wheel" .
timed "fresh venv + wheel installed with its dependencies" \
  sh -c "python -m venv --without-pip '$tmp/venv' &&
         python -m pip --python '$tmp/venv/bin/python' install -q --no-compile '$tmp'/wheel/*.whl"
timed "installed CLI in Chinese" chinese_cli "$tmp/venv/bin/funnel-desktop"
timed "installed first paint (demo + offscreen, zh, style sheet)" \
  python tools/check_first_paint.py --expect-under "$tmp/venv" -- "$tmp/venv/bin/funnel-desktop"

if [ "${CI:-}" != "true" ]; then
  echo "ci: the desktop bundle is built only when CI=true; install checks took ${SECONDS} s"
  exit 0
fi
# PyInstaller into the environment that builds (CI's own; where it is already there as pinned,
# as on a developer's machine, that environment is left alone).
# shellcheck disable=SC2046
set -- $(python -c 'import tomllib
print(" ".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["build"]))')
if python tools/pins_installed.py "$@"; then
  echo "ci: PyInstaller already installed as pinned ($*)"
else
  timed "PyInstaller installed" python -m pip install -q "$@"
fi
timed "bundle built" python tools/build_app.py --dist "$tmp/dist" --work "$tmp/work"
bundle="$tmp/dist/FunnelDesktop/FunnelDesktop"
timed "bundle --version and CLI in Chinese" chinese_cli "$bundle"
timed "bundle first paint (demo + offscreen, zh, style sheet)" \
  python tools/check_first_paint.py --frozen -- "$bundle"
timed "bundle metrics, health, check and the PDF report" bundle_commands "$bundle"
timed "bundle's desktop entry valid" \
  desktop-file-validate "$tmp/dist/FunnelDesktop/share/applications/funnel-desktop.desktop"
echo "ci: install checks (wheel and bundle) took ${SECONDS} s"
