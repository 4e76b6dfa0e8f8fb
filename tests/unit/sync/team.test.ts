// @vitest-environment jsdom
// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@/utils/db/database';
import type { Snippet } from '@/utils/db/schema';
import { parseBucket } from '@/utils/sync/format';
import { syncPersonal } from '@/utils/sync/sync-engine';
import { publishToTeam, pullTeam, removeFromTeam, subscribeTeam, teamOrigin, unsubscribeTeam } from '@/utils/sync/team';
import type { TeamSubscription } from '@/utils/sync/sync-store';
import { snippet } from '../db/fixtures';
import { davServer, type DavTestServer } from '../../dav-server';
import { device, type Device } from './helpers';

let server: DavTestServer;
beforeAll(async () => {
  server = await davServer({
    users: [
      // The team's editor may write everywhere; the member may only read the team folders.
      { name: 'lead', password: 'lead-app-pass', rights: { '/': ['all'] } },
      { name: 'member', password: 'member-app-pass', rights: { '/team': ['canRead'], '/member': ['all'] } },
    ],
    folders: ['/team', '/member'],
  });
});
afterAll(() => server.close());

/** A new team folder, the editor subscribed to it, and a member subscribed too. */
async function team() {
  const path = `/team/${newId()}`;
  // Made by the server's administrator, who gave the member read rights on it.
  server.mkdir(path);
  const lead = await device();
  const member = await device({ url: server.url(`/member/${newId()}`), user: 'member', password: 'member-app-pass' });
  const subscribe = async (who: Device, user: string, password: string) => {
    const outcome = await subscribeTeam(who.deps, { name: '综合处模板库', url: server.url(path), user, password });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
    return (outcome as { subscription: TeamSubscription }).subscription;
  };
  return { path, lead, member, leadTeam: await subscribe(lead, 'lead', 'lead-app-pass'), memberTeam: () => subscribe(member, 'member', 'member-app-pass') };
}

async function publish(who: Device, subscription: string, record: Snippet, replaces?: string): Promise<string> {
  await who.db.snippets.put(record);
  const outcome = await publishToTeam(who.deps, subscription, 'snippets', record.id, replaces);
  expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
  return (outcome as { teamId: string }).teamId;
}

describe('a team folder', () => {
  it('brings the items an editor published to a member, marked with where they came from', async () => {
    const { lead, member, leadTeam } = await team();
    const teamId = await publish(lead, leadTeam.id, snippet({ title: '请示格式', body: '妥否，请批示。' }));
    const subscribed = await subscribeTeam(member.deps, { name: '综合处模板库', url: leadTeam.url, user: 'member', password: 'member-app-pass' });
    expect(subscribed).toMatchObject({ ok: true, changes: { added: [{ table: 'snippets', id: teamId, title: '请示格式' }], updated: [], removed: [] } });
    const subscription = (subscribed as { subscription: TeamSubscription }).subscription;
    expect(await member.db.snippets.get(teamId)).toMatchObject({ title: '请示格式', body: '妥否，请批示。' });
    expect(await teamOrigin(member.db, 'snippets', teamId)).toEqual({ subscription: subscription.id, rev: 1, device: (await lead.store.read()).deviceId });
  });

  it('lists what an update added, updated and removed, by title', async () => {
    const { lead, member, leadTeam, memberTeam } = await team();
    const kept = await publish(lead, leadTeam.id, snippet({ title: '通知格式' }));
    const dropped = await publish(lead, leadTeam.id, snippet({ title: '旧的函' }));
    const subscription = await memberTeam();
    expect((await member.db.snippets.toArray()).map((s) => s.title).sort()).toEqual(['旧的函', '通知格式']);

    const draft = snippet({ title: '通知格式（2025 版）' });
    await publish(lead, leadTeam.id, draft, kept);
    expect(await removeFromTeam(lead.deps, leadTeam.id, 'snippets', dropped)).toMatchObject({ ok: true });
    const added = await publish(lead, leadTeam.id, snippet({ title: '会议纪要' }));

    expect(await pullTeam(member.deps, subscription.id)).toEqual({
      ok: true,
      changes: {
        added: [{ table: 'snippets', id: added, title: '会议纪要' }],
        updated: [{ table: 'snippets', id: kept, title: '通知格式（2025 版）' }],
        removed: [{ table: 'snippets', id: dropped, title: '旧的函' }],
      },
    });
    expect((await member.db.snippets.toArray()).map((s) => s.title).sort()).toEqual(['会议纪要', '通知格式（2025 版）']);
    expect(await pullTeam(member.deps, subscription.id)).toEqual({ ok: true, changes: { added: [], updated: [], removed: [] } });
  });

  it('is read-only for a member, by the server’s permissions: publishing is refused and nothing is lost', async () => {
    const { path, lead, member, leadTeam, memberTeam } = await team();
    await publish(lead, leadTeam.id, snippet({ title: '请示格式' }));
    const subscription = await memberTeam();
    const before = server.files(path).map((file) => [file, server.read(`${path}/${file}`)]);
    await member.db.snippets.add(snippet({ id: 'mine', title: '我的片段' }));

    expect(await publishToTeam(member.deps, subscription.id, 'snippets', 'mine')).toMatchObject({ ok: false, reason: 'read-only' });
    expect((await member.store.read()).teams.find((t) => t.id === subscription.id)).toMatchObject({ readOnly: true, status: { lastFailure: { reason: 'read-only' } } });
    expect(server.files(path).map((file) => [file, server.read(`${path}/${file}`)])).toEqual(before);
    expect(await member.db.snippets.get('mine')).toMatchObject({ title: '我的片段' });
    // Reading goes on.
    expect(await pullTeam(member.deps, subscription.id)).toMatchObject({ ok: true });
  });

  it('refuses to publish an item members would refuse, in plain terms, and leaves the folder as it was', async () => {
    const { path, lead, leadTeam } = await team();
    await publish(lead, leadTeam.id, snippet({ title: '请示格式' }));
    const before = server.files(path).map((file) => [file, server.read(`${path}/${file}`)]);
    // A template without its description: every member's update would stop on it.
    await lead.db.templates.add({ id: 'tpl', title: '月报', kind: 'report', language: 'zh', sections: [], createdAt: 1, updatedAt: 1 } as never);

    expect(await publishToTeam(lead.deps, leadTeam.id, 'templates', 'tpl')).toMatchObject({ ok: false, reason: 'unsendable' });
    expect(server.files(path).map((file) => [file, server.read(`${path}/${file}`)])).toEqual(before);
    expect(await pullTeam(lead.deps, leadTeam.id)).toMatchObject({ ok: true });
  });

  it('a server answering 403 to a write marks the subscription read-only too', async () => {
    const { leadTeam } = await team();
    // As Nextcloud answers for a share the user may only read.
    const refusing: typeof fetch = (input, init) => (init?.method === 'PUT' || init?.method === 'MKCOL' ? Promise.resolve(new Response('', { status: 403 })) : fetch(input, init));
    const reader = await device(undefined, refusing);
    await reader.store.update((config) => ({ ...config, teams: [{ ...leadTeam, status: {} }] }));
    await reader.db.snippets.add(snippet({ id: 'mine' }));
    expect(await publishToTeam(reader.deps, leadTeam.id, 'snippets', 'mine')).toMatchObject({ ok: false, reason: 'read-only' });
    expect((await reader.store.read()).teams[0].readOnly).toBe(true);
  });

  it('turns a member’s edit to a team item into a personal copy; the team item stays as the team has it', async () => {
    const { path, lead, member, leadTeam, memberTeam } = await team();
    const teamId = await publish(lead, leadTeam.id, snippet({ title: '请示格式', body: '妥否，请批示。' }));
    const subscription = await memberTeam();
    await member.db.snippets.update(teamId, { body: '妥否，请领导批示。' });

    expect(await pullTeam(member.deps, subscription.id)).toMatchObject({ ok: true });
    const snippets = await member.db.snippets.toArray();
    expect(snippets.map((s) => [s.id === teamId ? 'team' : 'copy', s.body]).sort()).toEqual([
      ['copy', '妥否，请领导批示。'],
      ['team', '妥否，请批示。'],
    ]);
    const copy = snippets.find((s) => s.id !== teamId)!;
    expect(await teamOrigin(member.db, 'snippets', copy.id)).toBeUndefined();
    expect(await teamOrigin(member.db, 'snippets', teamId)).toMatchObject({ subscription: subscription.id });

    // The copy travels with the member's own library; the team item does not.
    expect(await syncPersonal(member.deps)).toMatchObject({ ok: true, sent: 1 });
    const other = await device((await member.store.read()).personal);
    await syncPersonal(other.deps);
    expect((await other.db.snippets.toArray()).map((s) => s.id)).toEqual([copy.id]);
    // And the team folder is untouched.
    const files = server.files(path).filter((f) => f.startsWith('records/'));
    const entries = files.flatMap((f) => {
      const parsed = parseBucket(server.read(`${path}/${f}`)!, f.slice(8, 10));
      return parsed.ok ? parsed.value : [];
    });
    expect(entries.map((e) => [e.id, e.data?.body])).toEqual([[teamId, '妥否，请批示。']]);
  });

  it('takes its items away when the member unsubscribes, and keeps personal copies', async () => {
    const { lead, member, leadTeam, memberTeam } = await team();
    const teamId = await publish(lead, leadTeam.id, snippet({ title: '请示格式' }));
    const subscription = await memberTeam();
    await member.db.snippets.update(teamId, { title: '我的请示格式' });
    await pullTeam(member.deps, subscription.id);
    await unsubscribeTeam(member.deps, subscription.id);
    expect((await member.db.snippets.toArray()).map((s) => s.title)).toEqual(['我的请示格式']);
    expect((await member.store.read()).teams).toEqual([]);
  });

  it('never overwrites a personal record that has the same id as a team item', async () => {
    const { lead, member, leadTeam, memberTeam } = await team();
    const teamId = await publish(lead, leadTeam.id, snippet({ title: '团队的' }));
    await member.db.snippets.add(snippet({ id: teamId, title: '我自己的' }));
    await memberTeam();
    expect((await member.db.snippets.get(teamId))?.title).toBe('我自己的');
    expect(await teamOrigin(member.db, 'snippets', teamId)).toBeUndefined();
  });

  it('refuses a subscription to a folder that is not there', async () => {
    const member = await device();
    expect(await subscribeTeam(member.deps, { name: 'x', url: server.url(`/team/${newId()}`), user: 'member', password: 'member-app-pass' })).toMatchObject({ ok: false, reason: 'not-found' });
    expect((await member.store.read()).teams).toEqual([]);
  });
});
