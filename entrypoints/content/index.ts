import { adapterFor, type EditorAdapter } from '@/utils/editors/adapters';
import { editorLabel, findEditableRoot, judgeEditor, listEditableRoots, measureEditor } from '@/utils/editors/detect';
import { EditorRegistry } from '@/utils/editors/registry';
import { SelectionMemory } from '@/utils/editors/selection-memory';
import {
  isContentRequest,
  type ContentEvent,
  type ContentRequest,
  type EditorInfo,
  type Failure,
  type InsertResult,
  type ReadTextResult,
  type SelectResult,
} from '@/utils/messaging';

/**
 * Runs in every frame (editors live in iframes and about:blank documents) and stays idle: a
 * focus listener and a message listener, nothing else, until an editor is focused or the
 * panel asks.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    const registry = new EditorRegistry();
    const memory = new SelectionMemory();
    let tracking = false;
    let saveTimer: ReturnType<typeof setTimeout> | undefined;

    const describe = (root: HTMLElement): EditorInfo => {
      const facts = measureEditor(root);
      const verdict = judgeEditor(facts);
      const adapter = adapterFor(root);
      const text = adapter?.readText(root) ?? '';
      return {
        id: registry.idOf(root),
        family: adapter?.family ?? facts.kind,
        label: editorLabel(root) || text.trim().slice(0, 40),
        chars: text.length,
        width: facts.width,
        height: facts.height,
        isReportEditor: verdict.isReportEditor,
        reason: verdict.isReportEditor ? undefined : verdict.reason,
        lastFocusedAt: memory.lastFocusedAt(root),
      };
    };

    const announce = (event: ContentEvent) => {
      // Nobody listens while the panel is closed; that is not an error.
      browser.runtime.sendMessage(event).catch(() => {});
    };

    const saveSelectionOf = (root: HTMLElement) => {
      const selection = adapterFor(root)?.readSelection(root);
      if (selection) memory.save(root, selection);
    };

    const onSelectionChange = () => {
      const root = memory.current()?.root;
      if (!root) return;
      // Text offsets need a walk over the editor's text: do it once the caret settles.
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => saveSelectionOf(root), 60);
    };

    const onFocusOut = (event: FocusEvent) => {
      const root = memory.current()?.root;
      if (root && event.composedPath().includes(root)) {
        clearTimeout(saveTimer);
        saveSelectionOf(root);
      }
    };

    const onFocusIn = (event: FocusEvent) => {
      const root = findEditableRoot(event.composedPath()[0] as Node);
      if (!root || !judgeEditor(measureEditor(root)).isReportEditor) return;
      memory.focus(root, Date.now());
      startTracking();
      saveSelectionOf(root);
      announce({ type: 'editor-focused', frameUrl: location.href, editor: describe(root) });
    };

    const listen = () => {
      window.addEventListener('focusin', onFocusIn, true);
      if (tracking) {
        document.addEventListener('selectionchange', onSelectionChange);
        window.addEventListener('focusout', onFocusOut, true);
      }
    };
    const startTracking = () => {
      if (tracking) return;
      tracking = true;
      listen();
    };
    listen();
    // Iframe editors (TinyMCE, KindEditor, UEditor) write their frame with document.open(),
    // which erases every listener of the document and its window. Only the document's own
    // children are watched, so this costs nothing until the document is rewritten.
    new MutationObserver(listen).observe(document, { childList: true });

    /** The editor the panel names, with its adapter, or why it cannot be used. */
    const editorFor = (editorId: string): { root: HTMLElement; adapter: EditorAdapter } | Failure => {
      const root = registry.rootOf(editorId);
      if (!root) {
        return { ok: false, reason: 'detached', message: 'That editor is no longer on the page.' };
      }
      const adapter = adapterFor(root);
      if (!adapter) return { ok: false, reason: 'not-found', message: 'This element is not an editor.' };
      return { root, adapter };
    };

    const refused: Failure = { ok: false, reason: 'refused', message: 'The editor did not accept the change.' };

    const handle = async (request: ContentRequest): Promise<InsertResult | ReadTextResult | SelectResult | undefined> => {
      if (request.type === 'scan-editors') {
        // Report editors, and those that opted out so the user can still pick them; not the
        // search boxes and small fields a form is full of.
        const editors = listEditableRoots(document)
          .map(describe)
          .filter((e) => e.isReportEditor || e.reason === 'opted out');
        if (editors.length) {
          announce({ type: 'editors-found', requestId: request.requestId, frameUrl: location.href, editors });
        }
        return undefined;
      }
      const found = editorFor(request.editorId);
      if ('ok' in found) return found;
      const { root, adapter } = found;
      switch (request.type) {
        case 'insert': {
          if (!(await adapter.insert(root, request.content, memory.selectionOf(root)))) return refused;
          memory.focus(root, Date.now());
          startTracking();
          saveSelectionOf(root);
          return { ok: true, editor: describe(root) };
        }
        case 'read-text':
          return { ok: true, text: adapter.readText(root) };
        case 'select': {
          await adapter.select(root, { start: request.start, end: request.end });
          memory.focus(root, Date.now());
          startTracking();
          saveSelectionOf(root);
          return { ok: true };
        }
      }
    };

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // Only the extension itself can reach this listener; still, check the shape.
      if (sender.id !== browser.runtime.id || !isContentRequest(message)) return;
      if (message.type === 'scan-editors') {
        void handle(message);
        return;
      }
      handle(message).then(sendResponse, (error: unknown) =>
        sendResponse({ ok: false, reason: 'refused', message: String(error) } satisfies Failure),
      );
      return true;
    });
  },
});
