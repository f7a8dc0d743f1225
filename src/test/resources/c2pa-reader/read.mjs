// Runs the official C2PA reader (c2pa-rs compiled to WebAssembly) on each file named on the command line and prints
// one JSON line per file: {file, found, store} with the reader's manifest store JSON, or {file, found: false, error}.
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const c2pa = await import('@contentauth/c2pa-wasm');
c2pa.initSync({ module: fs.readFileSync(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm')) });
const types = { mp4: 'video/mp4', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
for (const file of process.argv.slice(2)) {
  const type = types[file.split('.').pop().toLowerCase()];
  try {
    const reader = await c2pa.WasmReader.fromBytes(type, new Uint8Array(fs.readFileSync(file)));
    console.log(JSON.stringify({ file, found: true, store: JSON.parse(reader.json()) }));
  } catch (e) {
    console.log(JSON.stringify({ file, found: false, error: String(e) }));
  }
}
