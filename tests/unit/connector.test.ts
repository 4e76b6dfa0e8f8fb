import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browserConnector, connector, setConnector, type Connector } from '@/protocol/connector';

const editor = {
  id: 'e1',
  family: 'textarea',
  label: 'Body',
  chars: 3,
  width: 300,
  height: 200,
  isReportEditor: true,
  lastFocusedAt: 5,
  origin: 'http://127.0.0.1:4173',
};

/** The content script's answer, as the browser hands it to the panel. */
const answering = (answer: unknown) => vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(answer);

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('the connector asks a frame', () => {
  it('hands back an answer the protocol allows', async () => {
    const send = answering({ ok: true, editor });
    expect(await browserConnector.ask(7, 2, { type: 'insert', editorId: 'e1', content: { text: 'a' } })).toEqual({ ok: true, editor });
    expect(send).toHaveBeenCalledWith(7, { type: 'insert', editorId: 'e1', content: { text: 'a' } }, { frameId: 2 });
  });

  it('counts an answer outside the protocol, or none, as no answer', async () => {
    answering({ ok: true, text: 12 });
    expect(await browserConnector.ask(7, 2, { type: 'read-text', editorId: 'e1' })).toBeNull();
    answering({ ok: true, editor: { ...editor, origin: 'http://127.0.0.1:4173/x' } });
    expect(await browserConnector.ask(7, 2, { type: 'insert', editorId: 'e1', content: { text: 'a' } })).toBeNull();
    answering(undefined);
    expect(await browserConnector.ask(7, 0, { type: 'page-address' })).toBeNull();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    expect(await browserConnector.ask(7, 2, { type: 'read-selection', editorId: 'e1' })).toBeNull();
  });
});

describe('the connector hears content scripts', () => {
  it('passes on well-formed events of this extension with their tab and frame, and nothing else', async () => {
    const heard: unknown[] = [];
    const stop = browserConnector.onContentEvent((event, source) => heard.push([event.type, source]));
    const self = { id: fakeBrowser.runtime.id, tab: { id: 7 } as never, frameId: 3 };
    const event = { type: 'editor-focused', frameUrl: 'http://127.0.0.1:4173/', editor };
    await fakeBrowser.runtime.onMessage.trigger(event, self);
    await fakeBrowser.runtime.onMessage.trigger(event, { ...self, id: 'another-extension' });
    await fakeBrowser.runtime.onMessage.trigger({ ...event, editor: { ...editor, chars: -3 } }, self);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'placeholder-step', tabId: 7, direction: 1 }, self);
    stop();
    await fakeBrowser.runtime.onMessage.trigger(event, self);
    expect(heard).toEqual([['editor-focused', { tabId: 7, frameId: 3 }]]);
  });
});

describe('setConnector', () => {
  it('puts a replacement in and takes it out again', () => {
    const replacement = { ...browserConnector } satisfies Connector;
    const restore = setConnector(replacement);
    expect(connector()).toBe(replacement);
    restore();
    expect(connector()).toBe(browserConnector);
  });
});
