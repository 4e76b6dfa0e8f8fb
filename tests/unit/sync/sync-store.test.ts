// @vitest-environment jsdom
// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackup } from '@/utils/db/backup';
import { syncPersonal } from '@/utils/sync/sync-engine';
import { SYNC_STORAGE_KEY, syncStore } from '@/utils/sync/sync-store';
import { snippet } from '../db/fixtures';
import { davServer, type DavTestServer } from '../../dav-server';
import { device, memoryArea } from './helpers';

describe('sync settings in local storage', () => {
  it('gives a device one id, kept across reads', async () => {
    const area = memoryArea();
    const first = await syncStore(area).read();
    expect(first).toEqual({ deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/), teams: [] });
    expect((await syncStore(area).read()).deviceId).toBe(first.deviceId);
    expect([...area.map.keys()]).toEqual([SYNC_STORAGE_KEY]);
  });

  it('starts afresh from damaged settings', async () => {
    const area = memoryArea();
    await area.set({ [SYNC_STORAGE_KEY]: { deviceId: 7, teams: 'none' } });
    expect(await syncStore(area).read()).toEqual({ deviceId: expect.any(String), teams: [] });
  });

  it('applies changes one at a time', async () => {
    const store = syncStore(memoryArea());
    const status = {};
    await Promise.all(['甲', '乙', '丙'].map((name) => store.update((c) => ({ ...c, teams: [...c.teams, { id: name, name, url: 'u', user: 'x', password: 'p', readOnly: false, status }] }))));
    expect((await store.read()).teams.map((t) => t.name)).toEqual(['甲', '乙', '丙']);
  });
});

describe('credentials', () => {
  const PASSWORD = 'app-password-never-shared';
  let server: DavTestServer;
  beforeAll(async () => {
    server = await davServer({ users: [{ name: 'alice', password: PASSWORD, rights: { '/': ['all'] } }], folders: ['/alice'] });
  });
  afterAll(() => server.close());

  it('are in neither a backup nor the sync folder, and sync state is not in a backup', async () => {
    const a = await device({ url: server.url('/alice/reports'), user: 'alice', password: PASSWORD });
    await a.db.snippets.add(snippet({ id: 's1' }));
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true });
    const backup = await exportBackup(a.db);
    expect(backup).not.toContain(PASSWORD);
    expect(Object.keys(JSON.parse(backup))).toEqual(['format', 'version', 'exportedAt', 'snippets', 'templates', 'placeholderRules', 'settings']);
    const files = server.files('/alice/reports');
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(server.read(`/alice/reports/${file}`)).not.toContain(PASSWORD);
    expect(await a.db.settings.count()).toBe(0);
  });
});
