#!/usr/bin/env bash
# Re-extracts the test photos from the Debian packages they come from and checks their SHA-256.
set -euo pipefail
out="$(cd "$(dirname "$0")/../resources/faces" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download python3-skimage=0.19.3-8 facedetect=0.1-3+b4
for deb in *.deb; do dpkg -x "$deb" x; done
cp x/usr/lib/python3/dist-packages/skimage/data/astronaut.png "$out/"
cp x/usr/share/doc/facedetect/examples/grace_hopper_512x512.jpg "$out/"
cd "$out" && sha256sum -c SHA256SUMS
