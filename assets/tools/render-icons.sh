#!/usr/bin/env bash
# Renders every icon SVG under assets/.../icons/<category>/<name>.svg to <name>-<size>.png next to it,
# for sizes 16 32 48 64 128 256. The PNGs are committed, so the build never needs this tool.
# Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin) or ImageMagick's convert.
#   assets/tools/render-icons.sh            render all
#   assets/tools/render-icons.sh --check    exit 1 if any PNG is missing or older than its SVG
set -euo pipefail
ICONS="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/main/resources/org/quorumlab/assets/icons"
SIZES=(16 32 48 64 128 256)

render() { # svg size out
  if command -v rsvg-convert >/dev/null; then
    rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio --format png --output "$3" "$1"
  elif command -v magick >/dev/null; then
    magick -background none -density 384 "$1" -resize "$2x$2" "PNG32:$3"
  elif convert -version 2>/dev/null | grep -q ImageMagick; then
    convert -background none -density 384 "$1" -resize "$2x$2" "PNG32:$3"
  else
    echo "render-icons: need rsvg-convert (apt-get install librsvg2-bin) or ImageMagick" >&2
    exit 1
  fi
}

check=false
[ "${1:-}" = "--check" ] && check=true
stale=0
count=0
while IFS= read -r svg; do
  base="${svg%.svg}"
  for size in "${SIZES[@]}"; do
    png="$base-$size.png"
    if $check; then
      if [ ! -f "$png" ] || [ "$svg" -nt "$png" ]; then
        echo "stale: ${png#"$ICONS"/}"
        stale=1
      fi
    else
      render "$svg" "$size" "$png"
      count=$((count + 1))
    fi
  done
done < <(find "$ICONS" -name '*.svg' | sort)

if $check; then
  exit "$stale"
fi
echo "render-icons: wrote $count PNGs under ${ICONS#"$PWD"/}"
