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

# movie.avi: an animated-film clip Debian ships in main, in opencv-doc (see SOURCE.md); fetched once by apt-get
# download (this script is a docs tool: nothing at build or run time downloads), checked against its SHA-256
movie_sha=0057387cb7e75c8fd1663b62cfdc51fa53f527795d0fe3c1fea2fd159d3130b5
if ! echo "$movie_sha  $work/movie.avi" | sha256sum -c --status 2>/dev/null; then
  deb="$work/deb"; rm -rf "$deb"; mkdir -p "$deb"
  (cd "$deb" && apt-get download opencv-doc=4.6.0+dfsg-12 >/dev/null)
  dpkg-deb --fsys-tarfile "$deb"/opencv-doc_*.deb \
    | tar -xO ./usr/share/doc/opencv-doc/examples/data/Megamind.avi > "$work/movie.avi"
  echo "$movie_sha  $work/movie.avi" | sha256sum -c
fi

# the commands the README shows under each image
mvn -q -Pcli compile exec:java -Dexec.args="--image $face --video $work/frontal.mp4 --out $work/frontal-out.mp4 --snapshot 25"
mvn -q -Pcli compile exec:java -Dexec.args="--image $face --video $work/phone-portrait.mp4 --out $work/phone-portrait-out.mp4 --snapshot 30"
mvn -q -Pcli compile exec:java -Dexec.args="--image $face --video $work/movie.avi --out $work/movie-out.mp4 --snapshot 100"

tools shrink "$work/frontal-out-before-after.png" "$out/frontal.png" 960
tools shrink "$work/phone-portrait-out-before-after.png" "$out/phone-portrait.png" 640
tools shrink "$work/movie-out-before-after.png" "$out/movie.png" 960
# same engine, same bytes; after a change to the engine, new sums are expected: write them into SHA256SUMS
(cd "$out" && sha256sum -c SHA256SUMS) || echo "gallery changed; if meant: (cd $out && sha256sum frontal.png phone-portrait.png movie.png > SHA256SUMS)"
