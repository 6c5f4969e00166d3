/**
 * Browser mode answers a call that works for longer than any of the server's limits: removing a
 * folder and forgetting its text on a big index takes minutes, and must not be cut off at the
 * server's request timeout (Node's default 5 minutes, shortened here so the test need not wait).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, type RunningServer } from '../../../electron/server/server.ts';
import { HTTP_REQUEST_HEADER } from '../../../shared/channels.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import { tempDir } from '../../helpers/temp.ts';
import { whenDone } from '../../helpers/cleanup.ts';

/** The server's limits, made short: a request must arrive within 150 ms, checked every 20 ms. */
const LIMITS = { requestMs: 150, headersMs: 100, checkEveryMs: 20 };

function post(server: RunningServer, method: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1', port: server.port, path: `/api/${method}`, method: 'POST',
        headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.token}`, [HTTP_REQUEST_HEADER]: '1', 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('a long call in browser mode', () => {
  it('removing a folder and forgetting its text is answered however long the compaction takes', async () => {
    const dir = tempDir();
    let reached = () => {};
    let release = () => {};
    const compacting = new Promise<void>((r) => (reached = r));
    const released = new Promise<void>((r) => (release = r));
    // The compaction waits until the test lets it go: as long as on an index of many gigabytes.
    const core = testCore(dir, { workers: 1, timeoutMs: 30_000, removal: { beforeCompacting: () => (reached(), released) } });
    const { dispatch } = core.api(testHost);
    const ui = join(dir, 'ui');
    mkdirSync(ui);
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Evidence Store</title>');
    const server = await startServer({ dispatch, subscribe: core.subscribe, staticDir: ui, receiveLimits: LIMITS });
    whenDone(() => server.close());
    const folder = join(dir, 'Leaving');
    mkdirSync(folder);
    writeFileSync(join(folder, 'note.txt'), 'Visit note: the family was seen at home.');
    const root = JSON.parse((await post(server, 'roots.add', { path: folder, scan: false })).body).data as { id: number };
    await post(server, 'scan.run', {});

    const answer = post(server, 'roots.remove', { rootId: root.id, forgetText: true });
    await compacting;
    // Many times the request limit passes, with the server checking its connections all along.
    await sleep(LIMITS.requestMs * 4);
    release();

    const reply = await answer;
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, data: { ok: true, textForgotten: 1 } });
  });
});
