#!/bin/sh
# Put Funnel Desktop into your applications menu, with its icon, and the command
# `funnel-desktop` into ~/.local/bin — for you alone, no administrator needed. Run it from
# the unpacked folder (it may live anywhere); `--remove` takes it all out again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/funnel-desktop.desktop"
bin="$HOME/.local/bin/funnel-desktop"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry" "$bin"
  find "$data/icons/hicolor" -name 'funnel-desktop.*' -delete 2>/dev/null || true
  echo "Funnel Desktop was taken out of the applications menu (your data stays where it is)."
  exit 0
fi

if [ ! -x "$here/FunnelDesktop" ]; then
  echo "install-desktop-entry.sh: run it from the FunnelDesktop folder" >&2
  exit 1
fi
mkdir -p "$data/applications" "$data/icons" "$HOME/.local/bin"
cp -R "$here/share/icons/hicolor" "$data/icons/"
# The entry starts this folder's program, wherever it was unpacked.
sed "s|^Exec=.*|Exec=\"$here/FunnelDesktop\"|" "$here/share/applications/funnel-desktop.desktop" \
  > "$entry"
ln -sf "$here/FunnelDesktop" "$bin"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" 2>/dev/null || true
echo "Funnel Desktop is in your applications menu; \`funnel-desktop\` runs its commands."
