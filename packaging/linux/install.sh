#!/bin/sh
# Installs this unpacked Tillitsvalgt folder for you alone (no root needed): the commands in
# ~/.local/bin, the menu entry and icons in ~/.local/share. The folder stays where it is;
# move it first if you want it elsewhere (e.g. ~/.local/opt/tillitsvalgt), then run this.
#   ./install.sh            install          ./install.sh --remove    take it out again
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
id=no.tillitsvalgt.Tillitsvalgt
if [ "${1:-}" = "--remove" ]; then
  rm -f "$bin/tillitsvalgt" "$bin/tillitsvalgt-gui" "$data/applications/$id.desktop"
  find "$data/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
  echo "Tillitsvalgt er fjernet fra menyen. Dataene dine ligger fortsatt i $data/Tillitsvalgt."
  exit 0
fi
mkdir -p "$bin" "$data/applications"
ln -sf "$here/tillitsvalgt" "$bin/tillitsvalgt"
ln -sf "$here/tillitsvalgt-gui" "$bin/tillitsvalgt-gui"
(cd "$here/share/icons" && find hicolor -name "$id.*" -type f) | while read -r icon; do
  mkdir -p "$data/icons/$(dirname "$icon")"
  cp "$here/share/icons/$icon" "$data/icons/$icon"
done
sed "s|^Exec=tillitsvalgt-gui|Exec=\"$here/tillitsvalgt-gui\"|" \
  "$here/share/applications/$id.desktop" > "$data/applications/$id.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data/applications" || true
fi
echo "Tillitsvalgt er installert: finn det i menyen, eller skriv tillitsvalgt-gui."
case ":$PATH:" in *":$bin:"*) ;; *) echo "($bin er ikke i PATH; legg den til for å bruke kommandoen.)";; esac
