// @vitest-environment jsdom
// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newId, type ReportDatabase } from '@/utils/db/database';
import { bucketOf, contentHash, parseIndex, serializeBucket, serializeIndex } from '@/utils/sync/format';
import { setPersonalServer, syncPersonal } from '@/utils/sync/sync-engine';
import { snippet } from '../db/fixtures';
import { davServer, type DavTestServer } from '../../dav-server';
import { device } from './helpers';

const PASSWORD = 'app-password-Zx81';
let server: DavTestServer;
beforeAll(async () => {
  server = await davServer({ users: [{ name: 'alice', password: PASSWORD, rights: { '/': ['all'] } }], folders: ['/alice'] });
});
afterEach(() => {
  server.quotaBytes = Infinity;
  server.delayMs = 0;
});
afterAll(() => server.close());

function newFolder() {
  const path = `/alice/${newId()}`;
  return { path, account: { url: server.url(path), user: 'alice', password: PASSWORD } };
}

/** Everything the library and its sync state hold, to show that a failed sync changed nothing. */
async function contents(db: ReportDatabase) {
  const tables = ['snippets', 'templates', 'placeholderRules', 'settings', 'syncRecords', 'syncFiles', 'syncConflicts'];
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await db.table(table).toArray()])));
}

/** A fetch that can be told to fail every request after the next `allowed`. */
function breakable() {
  let allowed = Infinity;
  const flaky: typeof fetch = (input, init) => {
    if (allowed <= 0) return Promise.reject(new TypeError('fetch failed: other side closed'));
    allowed--;
    return fetch(input, init);
  };
  return { fetch: flaky, failAfter: (n: number) => void (allowed = n), heal: () => void (allowed = Infinity) };
}

const generation = (path: string) => {
  const index = parseIndex(server.read(`${path}/index.json`)!);
  return index.ok ? index.value.generation : NaN;
};

describe('a sync that fails', () => {
  it('when the connection drops between the bucket and the index: nothing advances here, and the next sync completes', async () => {
    const { path, account } = newFolder();
    const link = breakable();
    const a = await device(account, link.fetch);
    const b = await device(account);
    await a.db.snippets.add(snippet({ id: 's1', title: '旧标题' }));
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true });
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: true });
    const syncedAt = (await a.store.read()).personal!.status.lastSyncAt;

    await a.db.snippets.update('s1', { title: '新标题' });
    a.requests.reset();
    link.failAfter(2);
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: false, reason: 'unreachable' });
    const bucket = `${path}/records/${bucketOf('snippets', 's1')}.json`;
    expect(a.requests.log).toEqual([`GET ${path}/index.json`, `PUT ${bucket}`, `PUT ${path}/index.json`]);
    // The bucket was written, the index not: no reader sees the change yet, and it is still to send.
    expect(server.read(bucket)).toContain('新标题');
    expect(generation(path)).toBe(1);
    expect((await a.db.syncRecords.get('snippets/s1'))?.dirty).toBe(1);
    const { status } = (await a.store.read()).personal!;
    expect(status.lastSyncAt).toBe(syncedAt);
    expect(status.lastFailure).toEqual({ reason: 'unreachable', at: expect.any(Number) });
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: true, received: 0 });

    link.heal();
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true });
    expect((await a.db.syncRecords.get('snippets/s1'))?.dirty).toBe(0);
    expect(generation(path)).toBe(2);
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: true, received: 1 });
    expect((await b.db.snippets.get('s1'))?.title).toBe('新标题');
  });

  it('when the server stops in the middle of a first sync: the next sync, once it is back, sends everything', async () => {
    const { path, account } = newFolder();
    let made = 0;
    const stopping: typeof fetch = async (input, init) => {
      if (++made === 40) await server.stop();
      return fetch(input, init);
    };
    const a = await device(account, stopping);
    await a.db.snippets.bulkAdd(Array.from({ length: 800 }, (_, i) => snippet({ id: `s${i}`, title: `片段${i}` })));
    const before = await contents(a.db);
    try {
      expect(await syncPersonal(a.deps)).toMatchObject({ ok: false, reason: 'unreachable' });
    } finally {
      await server.start();
    }
    expect(await contents(a.db)).toEqual(before);
    expect(server.read(`${path}/index.json`)).toBeUndefined();
    // Some buckets made it before the stop.
    expect(server.files(path).length).toBeGreaterThan(0);

    // Every record counts as sent, those whose buckets landed before the stop too.
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true, received: 0, sent: 800 });
    expect(await a.db.syncRecords.where('dirty').equals(1).count()).toBe(0);
    // The index names every bucket with the hash and count it has.
    const index = parseIndex(server.read(`${path}/index.json`)!);
    if (!index.ok) throw new Error(index.detail);
    const named = Object.entries(index.value.buckets).map(([bucket, { hash, count }]) => [bucket, hash, count]);
    const onDisk = Object.keys(index.value.buckets).map((bucket) => {
      const text = server.read(`${path}/records/${bucket}.json`)!;
      return [bucket, contentHash(text), (JSON.parse(text) as { entries: unknown[] }).entries.length];
    });
    expect(named).toEqual(onDisk);
    expect(onDisk.reduce((sum, [, , count]) => sum + (count as number), 0)).toBe(800);
    const b = await device(account);
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: true, received: 800 });
  }, 30_000);

  it('with a wrong app password: unauthorized, nothing changed, and the right one syncs', async () => {
    const { account } = newFolder();
    const a = await device({ ...account, password: 'wrong' });
    await a.db.snippets.add(snippet({ id: 's1' }));
    const before = await contents(a.db);
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(await contents(a.db)).toEqual(before);
    expect((await a.store.read()).personal!.status.lastFailure?.reason).toBe('unauthorized');
    await setPersonalServer(a.deps, account);
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true, sent: 1 });
  });

  it('on a full server (507): insufficient storage, the change still to send, and sent once there is room', async () => {
    const { path, account } = newFolder();
    const a = await device(account);
    await a.db.snippets.add(snippet({ id: 'small' }));
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true });
    server.quotaBytes = 0;
    await a.db.snippets.add(snippet({ id: 'large', body: '数据'.repeat(20_000) }));
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: false, reason: 'insufficient-storage' });
    expect((await a.db.syncRecords.get('snippets/large'))?.dirty).toBe(1);
    expect(generation(path)).toBe(1);
    server.quotaBytes = Infinity;
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true, sent: 1 });
  });

  it('on a server too slow to answer: a timeout', async () => {
    const { account } = newFolder();
    const a = await device(account, fetch, 100);
    await a.db.snippets.add(snippet({ id: 's1' }));
    server.delayMs = 400;
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: false, reason: 'timeout' });
    server.delayMs = 0;
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true, sent: 1 });
  });

  it('finding its folder emptied on the server: everything here is sent again', async () => {
    const { path, account } = newFolder();
    const a = await device(account);
    await a.db.snippets.bulkAdd([snippet({ id: 's1' }), snippet({ id: 's2' })]);
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true, sent: 2 });
    rmSync(join(server.root, path), { recursive: true });
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true, sent: 2 });
    const b = await device(account);
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: true, received: 2 });
  });

  it('with a server that is not there: unreachable', async () => {
    const a = await device({ url: 'http://127.0.0.1:9/reports/', user: 'alice', password: PASSWORD });
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: false, reason: 'unreachable' });
  });
});

describe('data from the server that is refused', () => {
  /** Device b, in step with a folder that holds snippet s1, with a snippet of its own not yet sent. */
  async function inStep() {
    const { path, account } = newFolder();
    const a = await device(account);
    await a.db.snippets.add(snippet({ id: 's1', title: '原文' }));
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true });
    const b = await device(account);
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: true });
    await b.db.snippets.add(snippet({ id: 'mine', title: '未发送' }));
    const bucketPath = `${path}/records/${bucketOf('snippets', 's1')}.json`;
    const saved = { index: server.read(`${path}/index.json`)!, bucket: server.read(bucketPath)! };
    /** Puts `text` in s1's bucket, and an index that names it, as a careless client would. */
    const tamper = (text: string) => {
      server.write(bucketPath, text);
      const index = parseIndex(saved.index);
      if (!index.ok) throw new Error('index');
      const buckets = { ...index.value.buckets, [bucketOf('snippets', 's1')]: { hash: contentHash(text), count: 1 } };
      server.write(`${path}/index.json`, serializeIndex({ generation: index.value.generation + 1, updatedAt: 5, buckets }));
    };
    const repair = () => {
      server.write(bucketPath, saved.bucket);
      server.write(`${path}/index.json`, saved.index);
    };
    return { b, tamper, repair };
  }

  const badBuckets: [string, string][] = [
    ['not JSON', '{"format": "report-drafting-assistant/sync-bucket", '],
    ['a snippet whose title is not text', serializeBucket(bucketOf('snippets', 's1'), [{ table: 'snippets', id: 's1', rev: 9, device: 'x', data: { ...snippet({ id: 's1' }), title: 5 } }])],
    ['a rule whose pattern could freeze the page', serializeBucket(bucketOf('snippets', 's1'), [{ table: 'placeholderRules', id: 's1', rev: 1, device: 'x', data: { id: 's1', name: 'r', pattern: '(a+)+$', flags: '', kind: 'free', enabled: true, createdAt: 1 } }])],
    ['a record in the wrong bucket', serializeBucket(bucketOf('snippets', 's1'), [{ table: 'snippets', id: 'elsewhere-0', rev: 1, device: 'x', data: { ...snippet({ id: 'elsewhere-0' }) } as Record<string, unknown> }])],
  ];

  it.each(badBuckets)('a bucket holding %s: bad-data, nothing changed here, and the next sync completes', async (_, text) => {
    const { b, tamper, repair } = await inStep();
    tamper(text);
    const before = await contents(b.db);
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: false, reason: 'bad-data' });
    expect(await contents(b.db)).toEqual(before);
    expect((await b.store.read()).personal!.status.lastFailure?.reason).toBe('bad-data');
    repair();
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: true, sent: 1 });
  });

  it('a folder written by a later version: newer-format, nothing changed', async () => {
    const { b, tamper } = await inStep();
    tamper(JSON.stringify({ format: 'report-drafting-assistant/sync-bucket', version: 2, bucket: bucketOf('snippets', 's1'), entries: [] }));
    const before = await contents(b.db);
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: false, reason: 'newer-format' });
    expect(await contents(b.db)).toEqual(before);
  });
});
