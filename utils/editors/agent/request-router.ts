import { adapterFor } from '../adapters';
import { findEditableRoot, findEditors, isOffLimits, isReadable, judgeEditor, measureEditor } from '../detect';
import { placeInsertion } from '../placement';
import { createPreview } from '../preview';
import { rangeHtml } from '../selected-content';
import { apart, holdsEvery } from '../text-edits';
import type {
  BackgroundToContent,
  EditorRequest,
  Failure,
  PanelToContent,
  InsertResult,
  ReadSelectedContentResult,
  ReadSelectionResult,
  ReadTextResult,
  ReplaceEdit,
  ReplaceResult,
  SelectedContent,
  SelectResult,
} from '../../../protocol/messages';
import { WATCH_PORT } from '../../../protocol/messages';
import type { CaretTracking } from './caret-tracking';
import type { CompositionTracking } from './composition';
import { onExtensionMessage } from './extension-listeners';
import { announce, type KnownEditors } from './known-editors';
import type { SiteGate } from './site-gate';
import type { TabStops } from './tab-stops';
import type { WatchServer } from './watch-server';

type Answer = InsertResult | ReadTextResult | SelectResult | ReadSelectionResult | ReplaceResult | ReadSelectedContentResult;

type ScanRequest = Extract<PanelToContent, { type: 'scan-editors' }>;

const refused: Failure = { ok: false, reason: 'refused' };
const stale: Failure = { ok: false, reason: 'stale' };
const composing: Failure = { ok: false, reason: 'composing' };

export interface RequestRouter {
  /** Carries out a request on an editor of this frame. No site check: callers have made it. */
  perform(request: EditorRequest | ScanRequest): Promise<Answer | undefined>;
}

/**
 * Answers the panel's requests to this frame. `perform` does the work; the listener checks the
 * site first, so that where the extension is off a request gets a refusal and nothing is read.
 */
export function setUpRequestRouter(
  known: KnownEditors,
  gate: SiteGate,
  tracking: CaretTracking,
  watches: WatchServer,
  tabStops: TabStops,
  composition: CompositionTracking,
): RequestRouter {
  const { memory, read, describe, editorFor, selectedIn } = known;
  // A preview is drawn only while the panel that asked for it is open: it goes with its watch port.
  const preview = createPreview();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === WATCH_PORT && port.sender?.id === browser.runtime.id) port.onDisconnect.addListener(() => preview.clear());
  });

  const perform = async (request: EditorRequest | ScanRequest): Promise<Answer | undefined> => {
    if (request.type === 'scan-editors') {
      const roots = findEditors(document).map(({ root }) => root);
      // The field the user last wrote in is listed too, report editor or not.
      const last = memory.current()?.root;
      if (last && !roots.includes(last)) roots.push(last);
      const found = roots.map(read);
      if (!found.length) return undefined;
      // The text of the editor last written in goes along (the panel's target, most likely): it
      // is read here anyway, and the watch that follows then sends only what changed since.
      const lastRead = last && found[roots.indexOf(last)];
      if (lastRead && lastRead.text) watches.scanned(last, request.requestId, lastRead.text);
      announce({
        type: 'editors-found',
        requestId: request.requestId,
        frameUrl: location.href,
        editors: found.map(({ info }) => info),
        text: lastRead && lastRead.text ? { editorId: lastRead.info.id, text: lastRead.text } : undefined,
      });
      return undefined;
    }
    if (request.type === 'preview-clear') return void preview.clear();
    // Whatever writes to the editor takes the preview away first: it never stays after a fill.
    if (request.type === 'insert' || request.type === 'replace' || request.type === 'replace-each') preview.clear();
    const found = editorFor(request.editorId);
    if ('ok' in found) return found;
    const { root, adapter } = found;
    // What writes to the editor or moves its selection waits for the user's composition to
    // end: done in its middle, it would break the composition or be taken into it.
    const writes = request.type === 'insert' || request.type === 'replace' || request.type === 'replace-each' || request.type === 'select';
    if (writes && composition.composingIn(root)) {
      if (!(await composition.settled(root))) return request.type === 'replace' || request.type === 'replace-each' ? { ...composing, applied: 0 } : composing;
      // The committed word moved the caret: the insertion goes after it.
      known.saveSelectionOf(root);
    }
    switch (request.type) {
      case 'insert': {
        const before = request.content.stops?.length ? adapter.readText(root) : '';
        const { content, at } = placeInsertion(root, adapter, request.content, memory.selectionOf(root));
        if (!(await adapter.insert(root, content, at))) return refused;
        await tabStops.begin(root, adapter, before, request.content);
        watches.edited(root);
        tracking.remember(root);
        return { ok: true, editor: describe(root) };
      }
      case 'read-text':
        // A one-line field (a search box) is written when the user picks it, never read.
        if (!isReadable(judgeEditor(measureEditor(root)))) return refused;
        return { ok: true, text: adapter.readText(root) };
      case 'replace':
      case 'replace-each': {
        // One text for every span (a fill), or a text per span (renumbering).
        const edits = request.type === 'replace' ? request.spans.map((span) => ({ ...span, expected: span.text, text: request.text })) : request.edits;
        const holdsIn = (text: string) => (edit: ReplaceEdit) => text.slice(edit.start, edit.end) === edit.expected;
        const holds = (edit: ReplaceEdit) => holdsIn(adapter.readText(root))(edit);
        // One read for the whole check: a renumbering of 20,000 headings is 20,000 edits.
        if (!edits.every(holdsIn(adapter.readText(root)))) return { ...stale, applied: 0 };
        if (adapter.replaceEach && edits.length > 1 && apart(edits)) {
          // One change, so one undo step: all or nothing, and the text must show every edit.
          const made = await adapter.replaceEach(root, edits);
          if (made !== null) {
            const ok = made && holdsEvery(adapter.readText(root), edits);
            watches.edited(root);
            return ok ? { ok: true, applied: edits.length } : { ...refused, applied: 0 };
          }
        }
        // Last first, so the offsets of the edits before stay right; each target is read again
        // just before its edit, and the first that moved or was refused stops the rest.
        edits.sort((a, b) => b.start - a.start);
        let applied = 0;
        for (const edit of edits) {
          if (!holds(edit)) break;
          if (!(await adapter.insert(root, { text: edit.text }, edit))) {
            watches.edited(root);
            return { ...refused, applied };
          }
          applied++;
        }
        watches.edited(root);
        return applied === edits.length ? { ok: true, applied } : { ...stale, applied };
      }
      case 'read-selection': {
        // The live selection when the editor still has it, else the remembered one.
        const selection = adapter.readSelection(root) ?? memory.selectionOf(root);
        return { ok: true, selection: selection && { start: selection.start, end: selection.end } };
      }
      case 'read-selected-content':
        return { ok: true, ...selectedIn(root, adapter) };
      case 'preview-fill': {
        const span = { start: request.start, end: request.end };
        if (adapter.readText(root).slice(span.start, span.end) !== request.expected) {
          preview.clear();
          return stale;
        }
        return preview.show(root, adapter, span, request.expected, request.text) ? { ok: true } : refused;
      }
      case 'select': {
        if (request.text !== undefined && adapter.readText(root).slice(request.start, request.end) !== request.text) return stale;
        await adapter.select(root, { start: request.start, end: request.end });
        tracking.remember(root);
        return { ok: true };
      }
    }
  };

  /** The page's own selection, for "save selection": only where it is not a secret. */
  const pageSelection = (): SelectedContent | null => {
    const root = findEditableRoot(document.activeElement);
    if (root && isOffLimits(judgeEditor(measureEditor(root)))) return null;
    const selection = getSelection()!;
    // Every editable root has an adapter (plain contenteditable takes any).
    const content = root ? selectedIn(root, adapterFor(root)!) : selection.isCollapsed ? null : { text: `${selection}`, html: rangeHtml(selection.getRangeAt(0)) };
    return content?.text ? content : null;
  };

  /** What a request to this frame gets: a refusal where the extension is off. */
  const serve = async (message: EditorRequest | Exclude<BackgroundToContent, { type: 'open-quick-insert' }>) => {
    if (await gate.isOff()) return gate.refusal();
    return message.type === 'read-page-selection' ? pageSelection() : perform(message);
  };

  // Only this extension's own pages can reach this listener (web pages cannot), so requests
  // are trusted; what comes back from the page is checked by the panel (protocol/connector.ts).
  onExtensionMessage((message: PanelToContent | BackgroundToContent, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return;
    // Asked of the top frame, and answered even where the extension is off: the panel says so.
    if (message.type === 'page-address') sendResponse(location.href);
    else if (message.type === 'sites-changed') gate.listChanged();
    else if (message.type === 'scan-editors') void gate.isOff().then((off) => off || void perform(message));
    // The quick-insert box has its own listener (quick-insert-host.ts).
    else if (message.type === 'open-quick-insert') return;
    // The page's selection is asked of every frame: only the one with focus answers.
    else if (message.type !== 'read-page-selection' || document.hasFocus()) {
      serve(message).then(sendResponse, () => sendResponse(refused));
      return true;
    }
  });

  return { perform };
}
