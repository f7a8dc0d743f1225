#!/usr/bin/env bash
# Rebuilds the README gallery (src/docs/gallery/*.png) with the engine's own CLI, and nothing downloaded:
# the input clips are made from the committed test photos (src/test/resources/faces, see SOURCE.md there) by
# io.faceswap.swap.testing.GalleryClips, swapped by the CLI with --snapshot, and each before/after pair is shrunk
# to a 256-colour PNG. Needs Maven and a JDK 17. Run from anywhere; takes a minute or two.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
work=target/gallery
out=src/docs/gallery
face=src/test/resources/faces/grace_hopper_512x512.jpg
tools() { mvn -q -Pbench exec:exec -Dbench.main=io.faceswap.swap.testing.GalleryClips -Dbench.args="$*"; }

mvn -q -Pbench test-compile
# frontal.mp4: the astronaut photo, 512x512, 2 s; phone-portrait.mp4: 640x360 stored, 90-degree display matrix
tools clips "$work"

# the commands the README shows under each image
mvn -q -Pcli compile exec:java -Dexec.args="--image $face --video $work/frontal.mp4 --out $work/frontal-out.mp4 --snapshot 25"
mvn -q -Pcli compile exec:java -Dexec.args="--image $face --video $work/phone-portrait.mp4 --out $work/phone-portrait-out.mp4 --snapshot 30"

tools shrink "$work/frontal-out-before-after.png" "$out/frontal.png" 960
tools shrink "$work/phone-portrait-out-before-after.png" "$out/phone-portrait.png" 640
# same engine, same bytes; after a change to the engine, new sums are expected: write them into SHA256SUMS
(cd "$out" && sha256sum -c SHA256SUMS) || echo "gallery changed; if meant: (cd $out && sha256sum frontal.png phone-portrait.png > SHA256SUMS)"
