// @vitest-environment jsdom
// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@/utils/db/database';
import { bucketOf, parseBucket } from '@/utils/sync/format';
import { syncPersonal } from '@/utils/sync/sync-engine';
import { snippet } from '../db/fixtures';
import { davServer, type DavTestServer } from '../../dav-server';
import { device } from './helpers';

/**
 * Sync through a server whose ETags are Apache httpd's (mod_dav_fs): weak in the second after a
 * file is written, none in the answer to a PUT. These are the answers Apache 2.4 gave:
 *   GET  records/xx.json          → 200, ETag: W/"7-661b41fc86af4"   (written 0.2 s before)
 *   PUT  If-Match: W/"7-661b41fc86af4" → 412
 *   GET  records/xx.json          → 200, ETag: "7-661b41fc86af4"     (1.5 s later)
 *   PUT  If-Match: "7-661b41fc86af4"   → 204, no ETag
 */
const PASSWORD = 'app-password-Ap24';
let server: DavTestServer;
beforeAll(async () => {
  server = await davServer({ users: [{ name: 'alice', password: PASSWORD, rights: { '/': ['all'] } }], folders: ['/alice'] });
  server.apacheETags = true;
});
afterAll(() => server.close());

function newFolder() {
  const path = `/alice/${newId()}`;
  return { path, account: { url: server.url(path), user: 'alice', password: PASSWORD } };
}

/** `count` snippet ids that fall in one bucket, so that their writes meet on one file. */
function idsInOneBucket(count: number): string[] {
  const ids: string[] = [];
  const bucket = bucketOf('snippets', 'first');
  for (let i = 0; ids.length < count; i++) if (bucketOf('snippets', `s${i}`) === bucket) ids.push(`s${i}`);
  return ids;
}

describe('a server with Apache ETags', () => {
  it('a device that syncs in the second after another wrote the folder sends its change, and the other receives it', async () => {
    const { account } = newFolder();
    const a = await device(account);
    const b = await device(account);
    await a.db.snippets.add(snippet({ id: 'office', title: '办公室的版本' }));
    expect(await syncPersonal(a.deps)).toEqual({ ok: true, received: 0, sent: 1, conflicts: 0, heldBack: 0 });
    // At once: every file of the folder still has a weak ETag.
    await b.db.snippets.add(snippet({ id: 'home', title: '家里的版本' }));
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: true, received: 1, conflicts: 0 });
    expect(await syncPersonal(a.deps)).toEqual({ ok: true, received: 1, sent: 0, conflicts: 0, heldBack: 0 });
    expect((await a.db.snippets.get('home'))?.title).toBe('家里的版本');
    expect(b.requests.log.filter((r) => r.startsWith('PUT')).length).toBeGreaterThan(0);
  });

  it('a bucket written here (its PUT answered without an ETag) is not written over once another device changed it', async () => {
    const { path, account } = newFolder();
    const [mine, theirs, later] = idsInOneBucket(3);
    const bucket = bucketOf('snippets', mine);
    const b = await device(account);
    let interleaved = false;
    // Between A's read of the folder and A's write of the bucket, B writes that bucket.
    const a = await device(account, async (input, init) => {
      if (!interleaved && init?.method === 'PUT' && String(input).endsWith(`/records/${bucket}.json`) && (await a.db.snippets.get(later))) {
        interleaved = true;
        await b.db.snippets.add(snippet({ id: theirs, title: '家里加的' }));
        expect(await syncPersonal(b.deps)).toMatchObject({ ok: true, sent: 1 });
      }
      return fetch(input, init);
    });
    await a.db.snippets.add(snippet({ id: mine, title: '办公室先加的' }));
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true, sent: 1 });
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: true, received: 1 });

    await a.db.snippets.add(snippet({ id: later, title: '办公室后加的' }));
    expect(await syncPersonal(a.deps)).toMatchObject({ ok: true, received: 1, sent: 1 });
    expect(interleaved).toBe(true);

    const onServer = parseBucket(server.read(`${path}/records/${bucket}.json`)!, bucket);
    expect(onServer.ok && onServer.value.map((e) => e.id).sort()).toEqual([mine, theirs, later].sort());
    expect((await a.db.snippets.get(theirs))?.title).toBe('家里加的');
    expect(await syncPersonal(b.deps)).toMatchObject({ ok: true, received: 1 });
    expect((await b.db.snippets.get(later))?.title).toBe('办公室后加的');
  });
});
