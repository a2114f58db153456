// Validates one .gltf or .glb file with the Khronos glTF validator and prints its JSON report on stdout.
// Installs gltf-validator into ./node_modules on first use (one install at a time, guarded by a lock folder).
// Usage: node validate.js <file>
'use strict';
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const here = __dirname;
const installed = path.join(here, 'node_modules', 'gltf-validator', 'package.json');
const lock = path.join(here, '.install-lock');

function sleep(ms) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); }

function ensureInstalled() {
  if (fs.existsSync(installed)) return;
  for (let waited = 0; ; waited += 200) {
    try { fs.mkdirSync(lock); break; } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (waited > 300000) throw new Error('waited 5 minutes for another gltf-validator install (remove ' + lock + ' if none runs)');
      sleep(200);
      if (fs.existsSync(installed)) return;
    }
  }
  try {
    if (!fs.existsSync(installed)) {
      execSync('npm install --no-audit --no-fund --loglevel=error', { cwd: here, stdio: ['ignore', process.stderr, process.stderr] });
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function main() {
  const file = process.argv[2];
  if (!file) { console.error('usage: node validate.js <file.gltf|file.glb>'); process.exit(2); }
  try { ensureInstalled(); } catch (e) { console.error('could not install gltf-validator with npm: ' + e.message); process.exit(3); }
  const validator = require('gltf-validator');
  const bytes = new Uint8Array(fs.readFileSync(file));
  const report = await validator.validateBytes(bytes, {
    uri: path.basename(file),
    maxIssues: 100,
    externalResourceFunction: (uri) => new Promise((resolve, reject) => {
      fs.readFile(path.resolve(path.dirname(file), decodeURIComponent(uri)), (err, data) => err ? reject(err.toString()) : resolve(new Uint8Array(data)));
    }),
  });
  process.stdout.write(JSON.stringify(report));
}

main().catch((e) => { console.error(String(e && e.stack || e)); process.exit(1); });
