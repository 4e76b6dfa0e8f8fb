// @vitest-environment jsdom
// (Snippet HTML from the server goes through the sanitizer, which needs a faithful DOM.)
// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '@/utils/db/database';
import type { PlaceholderRuleRecord, Template } from '@/utils/db/schema';
import { markUsed } from '@/utils/snippets/store';
import { listConflicts, resolveConflict, syncPersonal } from '@/utils/sync/sync-engine';
import { bucketOf, parseBucket, parseIndex } from '@/utils/sync/format';
import { snippet } from '../db/fixtures';
import { davServer, type DavTestServer } from '../../dav-server';
import { device } from './helpers';

const PASSWORD = 'app-password-7Hq2';
let server: DavTestServer;
beforeAll(async () => {
  server = await davServer({ users: [{ name: 'alice', password: PASSWORD, rights: { '/': ['all'] } }], folders: ['/alice'] });
});
afterAll(() => server.close());

/** A folder of its own for each test. */
function newFolder() {
  const path = `/alice/${newId()}`;
  return { path, account: { url: server.url(path), user: 'alice', password: PASSWORD } };
}

const template = (overrides: Partial<Template> = {}): Template => ({
  id: newId(),
  title: '年度工作总结',
  kind: 'summary',
  description: '',
  language: 'zh',
  sections: [{ heading: '一、主要工作', level: 1, body: '{{单位名称}}' }],
  createdAt: 1,
  updatedAt: 1,
  ...overrides,
});
const rule: PlaceholderRuleRecord = { id: 'rule-1', name: '项目编号', pattern: 'PRJ-\\d+', flags: 'u', kind: 'free', enabled: true, createdAt: 1 };

async function expectOk(outcome: Awaited<ReturnType<typeof syncPersonal>>) {
  expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
  return outcome as Extract<typeof outcome, { ok: true }>;
}

describe('two devices on one folder', () => {
  it('carries snippets, templates, rules and settings from one device to the other, and later edits too', async () => {
    const { path, account } = newFolder();
    const a = await device(account);
    const b = await device(account);
    const t = template();
    await a.db.snippets.add(snippet({ id: 's1', title: '加强政治建设' }));
    await a.db.templates.add(t);
    await a.db.placeholderRules.add(rule);
    await a.db.settings.put({ id: 'abbreviation-trigger', value: 'Enter' });

    expect(await expectOk(await syncPersonal(a.deps))).toEqual({ ok: true, received: 0, sent: 4, conflicts: 0, heldBack: 0 });
    expect(server.files(path)).toContain('index.json');
    expect(parseIndex(server.read(`${path}/index.json`)!)).toMatchObject({ ok: true, value: { generation: 1 } });

    expect(await expectOk(await syncPersonal(b.deps))).toEqual({ ok: true, received: 4, sent: 0, conflicts: 0, heldBack: 0 });
    expect(await b.db.snippets.get('s1')).toEqual(await a.db.snippets.get('s1'));
    expect(await b.db.templates.get(t.id)).toEqual(t);
    expect(await b.db.placeholderRules.get('rule-1')).toEqual(rule);
    expect(await b.db.settings.get('abbreviation-trigger')).toEqual({ id: 'abbreviation-trigger', value: 'Enter' });
    // What arrived is agreed, not a local write to send back.
    expect(await b.db.syncRecords.where('dirty').equals(1).count()).toBe(0);

    await a.db.snippets.update('s1', { title: '加强党的政治建设', updatedAt: 10 });
    await expectOk(await syncPersonal(a.deps));
    await expectOk(await syncPersonal(b.deps));
    expect((await b.db.snippets.get('s1'))?.title).toBe('加强党的政治建设');
    // Each record carries its version and the device that wrote it.
    const aDevice = (await a.store.read()).deviceId;
    expect(await b.db.syncRecords.get('snippets/s1')).toMatchObject({ rev: 2, device: aDevice, synced: { rev: 2, device: aDevice }, dirty: 0 });
  });

  it('sanitizes snippet HTML that arrives from the server before storing it', async () => {
    const { account } = newFolder();
    const a = await device(account);
    const b = await device(account);
    // Another client wrote this; the extension itself stores sanitized HTML only.
    await a.db.snippets.add(snippet({ id: 'dirty', html: '<p onclick="steal()">正文<script>steal()</script></p><img src=x onerror=steal()>' }));
    await expectOk(await syncPersonal(a.deps));
    await expectOk(await syncPersonal(b.deps));
    expect((await b.db.snippets.get('dirty'))?.html).toBe('<p>正文</p>');
  });

  it('carries a deletion to the other device as a tombstone', async () => {
    const { path, account } = newFolder();
    const a = await device(account);
    const b = await device(account);
    await a.db.snippets.bulkAdd([snippet({ id: 'keep' }), snippet({ id: 'gone' })]);
    await expectOk(await syncPersonal(a.deps));
    await expectOk(await syncPersonal(b.deps));
    await b.db.snippets.delete('gone');
    await expectOk(await syncPersonal(b.deps));

    const bucket = parseBucket(server.read(`${path}/records/${bucketOf('snippets', 'gone')}.json`)!, bucketOf('snippets', 'gone'));
    const tombstone = bucket.ok ? bucket.value.find((e) => e.id === 'gone') : undefined;
    expect(tombstone).toMatchObject({ table: 'snippets', id: 'gone', rev: 2 });
    expect(tombstone?.data).toBeUndefined();
    expect(typeof tombstone?.deletedAt).toBe('number');

    expect(await expectOk(await syncPersonal(a.deps))).toMatchObject({ received: 1 });
    expect(await a.db.snippets.toCollection().primaryKeys()).toEqual(['keep']);
    expect((await a.db.syncRecords.get('snippets/gone'))?.deletedAt).toBeDefined();
  });

  it('keeps a record the other device would refuse here, unsent and still to send, and sends the rest', async () => {
    const { account } = newFolder();
    const a = await device(account);
    const b = await device(account);
    // A template without its description, as an old or damaged write could leave one.
    const damaged = { ...template({ title: '缺少说明' }), description: undefined } as unknown as Template;
    await a.db.templates.add(damaged);
    await a.db.snippets.add(snippet({ id: 'fine', title: '正常的片段' }));

    expect(await expectOk(await syncPersonal(a.deps))).toEqual({ ok: true, received: 0, sent: 1, conflicts: 0, heldBack: 1 });
    expect(await expectOk(await syncPersonal(b.deps))).toEqual({ ok: true, received: 1, sent: 0, conflicts: 0, heldBack: 0 });
    expect(await b.db.snippets.get('fine')).toMatchObject({ title: '正常的片段' });
    expect(await b.db.templates.count()).toBe(0);
    // Still waiting here: once it is whole, it goes.
    await a.db.templates.put({ ...damaged, description: '' });
    expect(await expectOk(await syncPersonal(a.deps))).toMatchObject({ sent: 1, heldBack: 0 });
    expect(await expectOk(await syncPersonal(b.deps))).toMatchObject({ received: 1 });
    expect(await b.db.templates.get(damaged.id)).toMatchObject({ title: '缺少说明', description: '' });
  });

  it('merges the uses of a snippet on one device with an edit on the other, without a conflict', async () => {
    const { account } = newFolder();
    const a = await device(account);
    const b = await device(account);
    await a.db.snippets.add(snippet({ id: 's1', title: '原标题', useCount: 2 }));
    await expectOk(await syncPersonal(a.deps));
    await expectOk(await syncPersonal(b.deps));
    await markUsed(a.db, 's1', 500);
    await b.db.snippets.update('s1', { title: '新标题', updatedAt: 400 });
    await markUsed(b.db, 's1', 450);

    await expectOk(await syncPersonal(a.deps));
    expect(await expectOk(await syncPersonal(b.deps))).toMatchObject({ conflicts: 0 });
    await expectOk(await syncPersonal(a.deps));
    for (const side of [a, b]) expect(await side.db.snippets.get('s1')).toMatchObject({ title: '新标题', useCount: 4, lastUsedAt: 500, updatedAt: 400 });
  });
});

describe('a true conflict', () => {
  /** Two devices that agree on snippet s1, then each edit its body offline; b syncs last. */
  async function conflicted() {
    const { path, account } = newFolder();
    const a = await device(account);
    const b = await device(account);
    await a.db.snippets.add(snippet({ id: 's1', title: '存在问题', body: '原文', abbreviation: 'czwt' }));
    await expectOk(await syncPersonal(a.deps));
    await expectOk(await syncPersonal(b.deps));
    await a.db.snippets.update('s1', { body: '甲的修改', updatedAt: 20 });
    await b.db.snippets.update('s1', { body: '乙的修改', updatedAt: 30 });
    await expectOk(await syncPersonal(a.deps));
    const outcome = await expectOk(await syncPersonal(b.deps));
    return { path, a, b, outcome };
  }

  it('keeps both versions and lists the conflict; the record is not sent while it stands', async () => {
    const { a, b, outcome } = await conflicted();
    expect(outcome.conflicts).toBe(1);
    expect((await b.db.snippets.get('s1'))?.body).toBe('乙的修改');
    const [conflict] = await listConflicts(b.db);
    expect(conflict).toMatchObject({ key: 'snippets/s1', table: 'snippets', id: 's1', local: { body: '乙的修改' }, remote: { body: '甲的修改' }, remoteDevice: (await a.store.read()).deviceId });
    // The server keeps a's version; a sees nothing of b's until b chooses.
    expect(await expectOk(await syncPersonal(b.deps))).toMatchObject({ sent: 0, conflicts: 1 });
    await expectOk(await syncPersonal(a.deps));
    expect((await a.db.snippets.get('s1'))?.body).toBe('甲的修改');
  });

  it('resolved as local: this version reaches the other device', async () => {
    const { a, b } = await conflicted();
    expect(await resolveConflict(b.deps, 'snippets/s1', 'local')).toEqual({ ok: true });
    expect(await listConflicts(b.db)).toEqual([]);
    expect(await expectOk(await syncPersonal(b.deps))).toMatchObject({ sent: 1, conflicts: 0 });
    await expectOk(await syncPersonal(a.deps));
    expect((await a.db.snippets.get('s1'))?.body).toBe('乙的修改');
  });

  it('resolved as remote: the other version replaces this one, and nothing is sent', async () => {
    const { b } = await conflicted();
    expect(await resolveConflict(b.deps, 'snippets/s1', 'remote')).toEqual({ ok: true });
    expect((await b.db.snippets.get('s1'))?.body).toBe('甲的修改');
    expect(await expectOk(await syncPersonal(b.deps))).toMatchObject({ sent: 0, received: 0, conflicts: 0 });
  });

  it('resolved as both: the other version keeps the record, this one becomes a copy on both devices', async () => {
    const { a, b } = await conflicted();
    const resolved = await resolveConflict(b.deps, 'snippets/s1', 'both');
    expect(resolved).toMatchObject({ ok: true, copyId: expect.any(String) });
    const copyId = (resolved as { copyId: string }).copyId;
    expect(await b.db.snippets.get('s1')).toMatchObject({ body: '甲的修改', abbreviation: 'czwt' });
    // One abbreviation names one snippet.
    const copy = await b.db.snippets.get(copyId);
    expect(copy).toMatchObject({ body: '乙的修改', title: '存在问题' });
    expect(copy).not.toHaveProperty('abbreviation');
    expect(await expectOk(await syncPersonal(b.deps))).toMatchObject({ sent: 1, conflicts: 0 });
    await expectOk(await syncPersonal(a.deps));
    expect((await a.db.snippets.toArray()).map((s) => [s.id, s.body]).sort()).toEqual(
      [
        ['s1', '甲的修改'],
        [copyId, '乙的修改'],
      ].sort(),
    );
  });

  it('does not offer copies of a setting', async () => {
    const { account } = newFolder();
    const a = await device(account);
    const b = await device(account);
    await a.db.settings.put({ id: 'abbreviation-trigger', value: 'Enter' });
    await b.db.settings.put({ id: 'abbreviation-trigger', value: 'Space' });
    await expectOk(await syncPersonal(a.deps));
    expect(await expectOk(await syncPersonal(b.deps))).toMatchObject({ conflicts: 1 });
    expect(await resolveConflict(b.deps, 'settings/abbreviation-trigger', 'both')).toEqual({ ok: false, problem: 'settings-have-no-copies' });
    expect(await resolveConflict(b.deps, 'settings/abbreviation-trigger', 'remote')).toEqual({ ok: true });
    expect(await b.db.settings.get('abbreviation-trigger')).toEqual({ id: 'abbreviation-trigger', value: 'Enter' });
  });
});

describe('requests', () => {
  it('a sync with no change makes one request, one changed snippet three', async () => {
    const { path, account } = newFolder();
    const a = await device(account);
    await a.db.snippets.bulkAdd(Array.from({ length: 300 }, (_, i) => snippet({ id: `s${i}`, title: `片段${i}` })));
    await expectOk(await syncPersonal(a.deps));

    a.requests.reset();
    await expectOk(await syncPersonal(a.deps));
    expect(a.requests.log).toEqual([`GET ${path}/index.json`]);

    a.requests.reset();
    await a.db.snippets.update('s7', { title: '改过的片段' });
    expect(await expectOk(await syncPersonal(a.deps))).toMatchObject({ sent: 1 });
    expect(a.requests.log).toEqual([`GET ${path}/index.json`, `PUT ${path}/records/${bucketOf('snippets', 's7')}.json`, `PUT ${path}/index.json`]);
  });

  it('reads the changes waiting here once when the folder did not change, and still sends a change', async () => {
    const { account } = newFolder();
    const a = await device(account);
    await a.db.snippets.bulkAdd(Array.from({ length: 30 }, (_, i) => snippet({ id: `s${i}` })));
    await expectOk(await syncPersonal(a.deps));
    const where = vi.spyOn(a.db.syncRecords, 'where');
    const dirtyReads = () => where.mock.calls.filter((args: unknown[]) => args[0] === 'dirty').length;
    await expectOk(await syncPersonal(a.deps));
    expect(dirtyReads()).toBe(1);
    where.mockClear();
    await a.db.snippets.update('s3', { title: '改过的片段' });
    expect(await expectOk(await syncPersonal(a.deps))).toMatchObject({ sent: 1 });
    expect(dirtyReads()).toBe(1);
    expect(await a.db.syncRecords.where('dirty').equals(1).count()).toBe(0);
  });

  it('a device with nothing new fetches only the bucket another device changed', async () => {
    const { path, account } = newFolder();
    const a = await device(account);
    const b = await device(account);
    await a.db.snippets.bulkAdd(Array.from({ length: 300 }, (_, i) => snippet({ id: `s${i}` })));
    await expectOk(await syncPersonal(a.deps));
    await expectOk(await syncPersonal(b.deps));
    await a.db.snippets.update('s42', { title: '另一台设备的修改' });
    await expectOk(await syncPersonal(a.deps));
    b.requests.reset();
    expect(await expectOk(await syncPersonal(b.deps))).toMatchObject({ received: 1 });
    expect(b.requests.log).toEqual([`GET ${path}/index.json`, `GET ${path}/records/${bucketOf('snippets', 's42')}.json`]);
  });

  it('syncs 10,000 snippets, then finds nothing new quickly', async () => {
    const { account } = newFolder();
    const a = await device(account);
    const b = await device(account);
    await a.db.snippets.bulkAdd(
      Array.from({ length: 10_000 }, (_, i) => snippet({ id: `s${String(i).padStart(5, '0')}`, title: `第${i}条`, body: '坚持以人民为中心的发展思想，'.repeat(4), html: i % 10 ? undefined : '<p>坚持<strong>以人民为中心</strong></p>' })),
    );
    let started = performance.now();
    expect(await expectOk(await syncPersonal(a.deps))).toMatchObject({ sent: 10_000 });
    const firstSync = performance.now() - started;
    started = performance.now();
    a.requests.reset();
    await expectOk(await syncPersonal(a.deps));
    const noChange = performance.now() - started;
    const noChangeRequests = a.requests.log.length;
    started = performance.now();
    expect(await expectOk(await syncPersonal(b.deps))).toMatchObject({ received: 10_000 });
    const firstPull = performance.now() - started;
    console.log(
      `10,000 snippets: first sync ${Math.round(firstSync)} ms, first sync of a second device ${Math.round(firstPull)} ms, no-change sync ${noChange.toFixed(1)} ms in ${noChangeRequests} request(s)`,
    );
    expect(await b.db.snippets.count()).toBe(10_000);
    expect(firstSync).toBeLessThan(10_000);
    expect(noChange).toBeLessThan(300);
    expect(noChangeRequests).toBe(1);
  }, 120_000);
});
