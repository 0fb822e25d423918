// Interoperability with code we did not write. Tally's protocol client
// (driven through the `sync_file` example) syncs a timebank through the
// stock JavaScript sync server, and a JavaScript automerge-repo client reads
// back the same exchanges; then the JavaScript client adds one and Tally's
// client reads it. Finally a JavaScript client syncs through Tally's relay.
//
// npm versions (see package.json): @automerge/automerge-repo-sync-server
// 0.2.8 (built on automerge-repo 1.x), and for the client
// @automerge/automerge-repo 2.5.6 with
// @automerge/automerge-repo-network-websocket 2.5.6 and @automerge/automerge 3.5.0.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Repo } from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';

const here = dirname(fileURLToPath(import.meta.url));
const syncFile = process.env.TALLY_SYNC_FILE;
const relayBinary = process.env.TALLY_RELAY;
if (!syncFile || !relayBinary) {
  throw new Error('TALLY_SYNC_FILE and TALLY_RELAY are not set: run these tests with `cargo xtask test`');
}
const running = [];
const folders = [];
after(() => {
  running.forEach((child) => child.kill('SIGKILL'));
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function scratch(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** Runs a command; resolves with the first line matching `pattern`. */
function startServer(command, args, options, pattern) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const found = seen.match(pattern);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`${command} stopped (${code}): ${seen}`)));
  });
}

function tally(...args) {
  return JSON.parse(execFileSync(syncFile, args, { encoding: 'utf8' }));
}

async function startJsServer() {
  const data = scratch('tally-js-server-');
  const port = await startServer(
    process.execPath,
    ['-r', join(here, 'loopback.cjs'), join(here, '../node_modules/@automerge/automerge-repo-sync-server/src/index.js')],
    { cwd: data, env: { ...process.env, PORT: '0', DATA_DIR: data } },
    /TALLY_LISTENING (\d+)/,
  );
  return `ws://127.0.0.1:${port}`;
}

/** The JS automerge-repo client's view of a document's exchanges. */
async function readWithJs(url, document, peerId) {
  const repo = new Repo({ network: [new WebSocketClientAdapter(url)], peerId });
  try {
    const handle = await repo.find(`automerge:${document}`);
    await handle.whenReady();
    return { repo, handle };
  } catch (error) {
    repo.shutdown();
    throw error;
  }
}

function exchangesOf(doc) {
  return Object.entries(doc.exchanges)
    .map(([id, exchange]) => ({ id, minutes: Number(exchange.minutes), description: String(exchange.description) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

const byId = (list) => [...list].sort((a, b) => a.id.localeCompare(b.id));

test('Tally → stock JS sync server → JS client, then JS client → server → Tally', async () => {
  const url = await startJsServer();
  const folder = scratch('tally-interop-');
  const made = tally('make', join(folder, 'a.tally'), '4');
  const pushed = tally('sync', url, join(folder, 'a.tally'));
  assert.deepEqual(byId(pushed.exchanges), byId(made.exchanges));

  const { repo, handle } = await readWithJs(url, made.document, 'js-reader');
  assert.equal(String(handle.doc().timebank.name), 'Interop Timebank');
  assert.deepEqual(exchangesOf(handle.doc()), byId(made.exchanges));

  // The JS client records one more exchange, in the timebank's own layout.
  const [firstId] = Object.keys(handle.doc().exchanges);
  const newId = 'feedfacefeedfacefeedfacefeedface';
  handle.change((doc) => {
    const first = doc.exchanges[firstId];
    doc.exchanges[newId] = {
      payer: first.payer,
      payee: first.payee,
      minutes: 99,
      service_date: first.service_date,
      description: 'written by JavaScript',
      kind: 'service',
      channel: 'app',
      recorded_by: first.recorded_by,
      device: first.device,
      recorded_at: new Date(first.recorded_at),
      log: {},
    };
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  repo.shutdown();

  // A fresh Tally copy fetches everything: the ledger reads the JS exchange.
  const fetched = tally('sync', url, join(folder, 'b.tally'), made.document);
  const expected = byId([...made.exchanges, { id: newId, minutes: 99, description: 'written by JavaScript' }]);
  assert.deepEqual(byId(fetched.exchanges), expected);
});

test('a JS automerge-repo client syncs through Tally’s relay', async () => {
  const data = scratch('tally-relay-');
  const dist = scratch('tally-dist-');
  execFileSync('sh', ['-c', `echo '<!doctype html>' > ${dist}/index.html`]);
  const base = await startServer(
    relayBinary,
    ['--listen', '127.0.0.1:0', '--dist', dist, '--data', data],
    { env: { ...process.env, RUST_LOG: 'warn' } },
    /served on (http:\/\/[0-9.:]+)\//,
  );
  const folder = scratch('tally-interop-');
  const made = tally('make', join(folder, 'a.tally'), '3');
  const claimed = await fetch(`${base}/api/timebanks/${made.document}/claim`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"label":"native"}',
  });
  assert.equal(claimed.status, 201);
  const { token } = await claimed.json();
  const tokenId = token.split('.')[0];
  const ws = base.replace('http://', 'ws://');
  tally('sync', `${ws}/sync?token=${token}&peer=tally-${tokenId}-native`, join(folder, 'a.tally'));

  const peerId = `tally-${tokenId}-js`;
  const { repo, handle } = await readWithJs(`${ws}/sync?token=${token}&peer=${peerId}`, made.document, peerId);
  assert.deepEqual(exchangesOf(handle.doc()), byId(made.exchanges));
  repo.shutdown();
});
