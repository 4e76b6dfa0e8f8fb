import { adapterFor } from '@/utils/editors/adapters';
import { editorLabel, findEditableRoot, judgeEditor, listEditableRoots, measureEditor } from '@/utils/editors/detect';
import { EditorRegistry } from '@/utils/editors/registry';
import { SelectionMemory } from '@/utils/editors/selection-memory';
import {
  isContentRequest,
  type ContentEvent,
  type ContentRequest,
  type EditorInfo,
  type InsertResult,
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
      return {
        id: registry.idOf(root),
        kind: facts.kind,
        label: editorLabel(root) || (adapter?.readText(root).trim().slice(0, 40) ?? ''),
        chars: adapter?.readText(root).length ?? 0,
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

    const startTracking = () => {
      if (tracking) return;
      tracking = true;
      listen();
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
    listen();
    // Iframe editors (TinyMCE, KindEditor, UEditor) write their frame with document.open(),
    // which erases every listener of the document and its window. Only the document's own
    // children are watched, so this costs nothing until the document is rewritten.
    new MutationObserver(listen).observe(document, { childList: true });

    const insertText = (editorId: string, text: string): InsertResult => {
      const root = registry.rootOf(editorId);
      if (!root) {
        return { ok: false, reason: 'detached', message: 'That editor is no longer on the page.' };
      }
      const adapter = adapterFor(root);
      if (!adapter) return { ok: false, reason: 'not-found', message: 'This element is not an editor.' };
      if (!adapter.insertText(root, text, memory.selectionOf(root))) {
        return { ok: false, reason: 'refused', message: 'The editor did not accept the text.' };
      }
      memory.focus(root, Date.now());
      startTracking();
      saveSelectionOf(root);
      return { ok: true, editor: describe(root) };
    };

    const handle = (request: ContentRequest): InsertResult | undefined => {
      switch (request.type) {
        case 'scan-editors': {
          const editors = listEditableRoots(document).map(describe);
          if (editors.length) {
            announce({ type: 'editors-found', requestId: request.requestId, frameUrl: location.href, editors });
          }
          return undefined;
        }
        case 'insert-text':
          return insertText(request.editorId, request.text);
      }
    };

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // Only the extension itself can reach this listener; still, check the shape.
      if (sender.id !== browser.runtime.id || !isContentRequest(message)) return;
      const result = handle(message);
      if (result) sendResponse(result);
    });
  },
});
