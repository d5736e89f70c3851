#!/bin/sh
# Puts Outpost on the desktop and the PATH (install), or takes it off (remove). Called by the .deb's and
# .rpm's maintainer scripts; installed as <install dir>/lib/desktop/integrate.sh.
# It writes links, not copies, into /usr: they point into the install directory, so an upgrade changes what
# they show without touching them. It needs neither xdg-utils nor /etc/xdg/menus (minimal systems have
# neither): the menu entry and the MIME type go to the freedesktop.org directories that every desktop reads,
# and the caches are refreshed only where their tools exist. It never touches users' files.
set -e

here=$(cd "$(dirname "$0")" && pwd)
app=$(dirname "$(dirname "$here")")

# link DESTINATION TARGET: (re)creates a link, but leaves a file it did not make alone.
link() {
  if [ -e "$1" ] && [ ! -L "$1" ]; then
    echo "outpost: $1 exists and is not Outpost's link; left as it is" >&2
    return 0
  fi
  mkdir -p "$(dirname "$1")"
  ln -sfn "$2" "$1"
}

# unlink DESTINATION: removes a link only when it points into this installation.
unlink_ours() {
  if [ -L "$1" ]; then
    case "$(readlink "$1")" in
      "$app"/*) rm -f "$1" ;;
    esac
  fi
}

refresh() {
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
  if command -v update-mime-database >/dev/null 2>&1; then update-mime-database /usr/share/mime >/dev/null 2>&1 || true; fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f /usr/share/icons/hicolor/index.theme ]; then
    gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
  fi
}

case "$1" in
  install)
    link /usr/bin/outpost "$app/bin/Outpost"
    link /usr/share/applications/outpost.desktop "$here/outpost.desktop"
    link /usr/share/mime/packages/outpost.xml "$here/outpost-mime.xml"
    link /usr/share/icons/hicolor/256x256/apps/outpost.png "$here/outpost.png"
    refresh
    ;;
  remove)
    unlink_ours /usr/bin/outpost
    unlink_ours /usr/share/applications/outpost.desktop
    unlink_ours /usr/share/mime/packages/outpost.xml
    unlink_ours /usr/share/icons/hicolor/256x256/apps/outpost.png
    refresh
    ;;
  *)
    echo "usage: $0 install|remove" >&2
    exit 2
    ;;
esac
