import { adapterFor, type EditorAdapter } from '@/utils/editors/adapters';
import { editorLabel, findEditableRoot, findEditors, isOffLimits, isReadable, judgeEditor, measureEditor, type EditorVerdict } from '@/utils/editors/detect';
import { EditorWatch } from '@/utils/editors/editor-watch';
import { EditorRegistry } from '@/utils/editors/registry';
import { rangeHtml, textBeforeCaret } from '@/utils/editors/selected-content';
import { SelectionMemory } from '@/utils/editors/selection-memory';
import { abbreviationBefore } from '@/utils/snippets/abbreviation';
import {
  WATCH_PORT,
  type AbbreviationsAnswer,
  type ContentEvent,
  type ContentRequest,
  type EditorInfo,
  type Failure,
  type InsertResult,
  type ReadSelectedContentResult,
  type ReadSelectionResult,
  type ReadTextResult,
  type ReplaceEdit,
  type ReplaceResult,
  type SelectedContent,
  type SelectResult,
  type SiteContentRequest,
  type SiteRequest,
  type SnippetRequest,
  type WatchRequest,
} from '@/utils/messaging';

/**
 * The content script (isolated world), in every frame: editors live in iframes and about:blank
 * documents. It stays idle, a focus listener and a message listener, until an editor is focused
 * or the panel asks.
 *
 * Built as an unlisted script and declared in the manifest by wxt.config.ts, rather than with
 * defineContentScript: WXT's content-script context (location watcher, a window message to
 * every page at start) would add a quarter to its size and run on every page.
 */
export default defineUnlistedScript(() => {
  const registry = new EditorRegistry();
  // A caret survives its editor rebuilding the element in place (the registry recognises it).
  const memory = new SelectionMemory((root) => registry.replacementOf(root));
  let tracking = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const describe = (root: HTMLElement): EditorInfo => {
    const facts = measureEditor(root);
    const verdict = judgeEditor(facts);
    const adapter = adapterFor(root);
    // A one-line field is named, never read: its length and words stay in the page.
    const text = (isReadable(verdict) && adapter?.readText(root)) || '';
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
      // The document's origin: an about:blank or srcdoc frame has its page's, not its address's.
      origin: self.origin,
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

  // Every listener below acts on trusted events only: the page can dispatch any event it likes,
  // and must learn nothing from how the content script takes it.
  const onSelectionChange = (event: Event) => {
    const root = event.isTrusted && memory.current()?.root;
    if (!root || off) return;
    // Text offsets need a walk over the editor's text: do it once the caret settles.
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveSelectionOf(root), 60);
  };

  const onFocusOut = (event: FocusEvent) => {
    const root = event.isTrusted && memory.current()?.root;
    if (root && event.composedPath().includes(root)) {
      clearTimeout(saveTimer);
      saveSelectionOf(root);
    }
  };

  /**
   * Where the user clicks is where they mean to write, even a one-line field; but never an
   * editor that is read-only, hidden, or asked writing tools to stay away.
   */
  const worthRemembering = (verdict: EditorVerdict) =>
    verdict.isReportEditor || verdict.reason === 'single line' || verdict.reason === 'too small';

  // Abbreviations in use and the key that expands them, asked of the background (which holds
  // the database) whenever an editor gains focus, so that the keystroke can decide at once.
  let abbreviations = new Set<string>();
  let trigger = '';
  const ask = (request: SnippetRequest) => browser.runtime.sendMessage(request).catch(() => null);

  // Whether the user turned the extension off on this frame's site: asked of the background
  // (which holds the list, utils/sites/background.ts explains why) once, before the first real
  // work, and again when the panel says the list changed. Off until answered; no answer, or an
  // answer that is not a yes or no (the database failed), counts as off and is asked again.
  let off = true;
  let unchecked = false;
  let checked: Promise<boolean> | undefined;
  const siteOff = () =>
    (checked ??= browser.runtime
      .sendMessage({ type: 'site-off', addresses: [location.origin, ...(location.ancestorOrigins ?? [])] } satisfies SiteRequest)
      .catch(() => null)
      .then((answer: unknown) => {
        unchecked = typeof answer !== 'boolean';
        if (unchecked) checked = undefined;
        return (off = answer !== false);
      }));

  // A frame of another origin than the page (an advertisement, an embed) can focus its own box
  // by script, and that focus is trusted: there, only a focus right after the user pressed a
  // key or the pointer in this frame counts.
  const foreign = (() => {
    try {
      return top!.origin !== self.origin;
    } catch {
      return true;
    }
  })();
  let gestureAt = -Infinity;
  const onGesture = (event: Event) => {
    if (event.isTrusted) gestureAt = performance.now();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // A key the page dispatched goes on untouched, abbreviation or not, before any work.
    if (!event.isTrusted) return;
    const root = memory.current()?.root;
    // Never while an input method composes: its keys pick and commit candidates. The key that
    // commits comes with isComposing, or (Safari) just after compositionend with keyCode 229.
    if (off || event.key !== trigger || event.isComposing || event.keyCode === 229 || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    if (!root || !event.composedPath().includes(root)) return;
    const word = abbreviationBefore(textBeforeCaret(root), abbreviations);
    const adapter = word && adapterFor(root);
    const caret = adapter && adapter.readSelection(root);
    if (!caret) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    void (async () => {
      const snippet = await ask({ type: 'expand-abbreviation', abbreviation: word!, family: adapter!.family });
      const editorId = registry.idOf(root);
      // Select the abbreviation, unless typing went on and moved it, then insert over it: one
      // edit through the adapter, which one undo takes back to the abbreviation.
      const at = { editorId, start: caret.start - word!.length, end: caret.start, text: word! };
      if (snippet && (await handle({ type: 'select', ...at }))?.ok) {
        await handle({ type: 'insert', editorId, content: snippet });
      }
    })();
  };

  const onFocusIn = (event: FocusEvent) => {
    if (!event.isTrusted || (foreign && performance.now() - gestureAt > 1000)) return;
    const root = findEditableRoot(event.composedPath()[0] as Node);
    if (!root) return;
    void siteOff().then((isOff) => {
      if (isOff || !worthRemembering(judgeEditor(measureEditor(root)))) return;
      memory.focus(root, Date.now());
      startTracking();
      void ask({ type: 'abbreviations' }).then((answer: AbbreviationsAnswer | null) => {
        if (answer) [abbreviations, trigger] = [new Set(answer.abbreviations), answer.trigger];
      });
      saveSelectionOf(root);
      announce({ type: 'editor-focused', frameUrl: location.href, editor: describe(root) });
    });
  };

  const listen = () => {
    window.addEventListener('focusin', onFocusIn, true);
    if (foreign) for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, onGesture, true);
    if (tracking) {
      document.addEventListener('selectionchange', onSelectionChange);
      window.addEventListener('focusout', onFocusOut, true);
      window.addEventListener('keydown', onKeyDown, true);
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
      return { ok: false, reason: 'detached' };
    }
    // A secret or hidden field is never read, targeted or written, whatever id it came by.
    if (isOffLimits(judgeEditor(measureEditor(root)))) return { ok: false, reason: 'not-found' };
    const adapter = adapterFor(root);
    if (!adapter) return { ok: false, reason: 'not-found' };
    return { root, adapter };
  };

  /** Panels following this editor hear of our own edits even where its DOM does not show them. */
  const watches = new Set<EditorWatch>();
  const edited = (root: HTMLElement) => {
    for (const watch of watches) if (watch.editor === root) watch.schedule();
  };

  const refused: Failure = { ok: false, reason: 'refused' };
  const stale: Failure = { ok: false, reason: 'stale' };

  /** The text and markup of the editor's selection, live or remembered. */
  const selectedIn = (root: HTMLElement, adapter: EditorAdapter): SelectedContent => {
    const selection = adapter.readSelection(root) ?? memory.selectionOf(root);
    const text = selection ? adapter.readText(root).slice(selection.start, selection.end) : '';
    return { text, html: text && selection?.range ? rangeHtml(selection.range) : undefined };
  };

  type Answer = InsertResult | ReadTextResult | SelectResult | ReadSelectionResult | ReplaceResult | ReadSelectedContentResult;
  const handle = async (request: Exclude<ContentRequest, { type: 'read-page-selection' }>): Promise<Answer | undefined> => {
    if (request.type === 'scan-editors') {
      const roots = findEditors(document).map(({ root }) => root);
      // The field the user last wrote in is listed too, report editor or not.
      const last = memory.current()?.root;
      if (last && !roots.includes(last)) roots.push(last);
      const editors = roots.map(describe);
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
        edited(root);
        memory.focus(root, Date.now());
        startTracking();
        saveSelectionOf(root);
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
        const holds = (edit: ReplaceEdit) => adapter.readText(root).slice(edit.start, edit.end) === edit.expected;
        if (!edits.every(holds)) return { ...stale, applied: 0 };
        if (adapter.replaceAll && request.type === 'replace') {
          // One transaction: all or nothing.
          const ok = await adapter.replaceAll(root, edits, request.text);
          edited(root);
          return ok ? { ok: true, applied: edits.length } : { ...refused, applied: 0 };
        }
        // Last first, so the offsets of the edits before stay right; each target is read again
        // just before its edit, and the first that moved or was refused stops the rest.
        edits.sort((a, b) => b.start - a.start);
        let applied = 0;
        for (const edit of edits) {
          if (!holds(edit)) break;
          if (!(await adapter.insert(root, { text: edit.text }, edit))) {
            edited(root);
            return { ...refused, applied };
          }
          applied++;
        }
        edited(root);
        return applied === edits.length ? { ok: true, applied } : { ...stale, applied };
      }
      case 'read-selection': {
        // The live selection when the editor still has it, else the remembered one.
        const selection = adapter.readSelection(root) ?? memory.selectionOf(root);
        return { ok: true, selection: selection && { start: selection.start, end: selection.end } };
      }
      case 'read-selected-content':
        return { ok: true, ...selectedIn(root, adapter) };
      case 'select': {
        if (request.text !== undefined && adapter.readText(root).slice(request.start, request.end) !== request.text) return stale;
        await adapter.select(root, { start: request.start, end: request.end });
        memory.focus(root, Date.now());
        startTracking();
        saveSelectionOf(root);
        return { ok: true };
      }
    }
  };

  /** What a request to this frame gets: a refusal where the extension is off. */
  const answer = async (message: Exclude<ContentRequest, { type: 'scan-editors' }>) => {
    if (await siteOff()) return unchecked ? ({ ok: false, reason: 'unchecked' } satisfies Failure) : refused;
    if (message.type !== 'read-page-selection') return handle(message);
    const root = findEditableRoot(document.activeElement);
    if (root && isOffLimits(judgeEditor(measureEditor(root)))) return null;
    const selection = getSelection()!;
    // Every editable root has an adapter (plain contenteditable takes any).
    const content = root ? selectedIn(root, adapterFor(root)!) : selection.isCollapsed ? null : { text: `${selection}`, html: rangeHtml(selection.getRangeAt(0)) };
    return content?.text ? content : null;
  };

  // Only this extension's own pages can reach these listeners (web pages cannot), so requests
  // are trusted; what comes back from the page is checked by the panel (utils/messaging.ts).
  browser.runtime.onMessage.addListener((message: ContentRequest | SiteContentRequest, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return;
    // Asked of the top frame, and answered even where the extension is off: the panel says so.
    if (message.type === 'page-address') sendResponse(location.href);
    else if (message.type === 'sites-changed') {
      // Told in every tab: only frames that asked before ask again, the others stay idle.
      if (checked) {
        checked = undefined;
        void siteOff();
      }
    } else if (message.type === 'scan-editors') void siteOff().then((isOff) => isOff || void handle(message));
    // The page's selection is asked of every frame: only the one with focus answers.
    else if (message.type !== 'read-page-selection' || document.hasFocus()) {
      answer(message).then(sendResponse, () => sendResponse(refused));
      return true;
    }
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== WATCH_PORT || port.sender?.id !== browser.runtime.id) return;
    let watch: EditorWatch | null = null;
    port.onMessage.addListener(async (message: WatchRequest) => {
      if (message.type === 'watch') {
        watch?.stop();
        watches.delete(watch!);
        watch = null;
        // Served only once the site check has answered that the extension is on here; a
        // one-line field is never streamed.
        const found = (await siteOff()) ? refused : editorFor(message.editorId);
        if ('ok' in found || !isReadable(judgeEditor(measureEditor(found.root)))) port.postMessage({ type: 'gone' });
        else {
          watches.delete(watch!);
          watch = new EditorWatch(found.root, found.adapter, (event) => port.postMessage(event));
          watches.add(watch);
        }
      } else {
        watch?.highlight(message.spans, message.current, message.colours);
      }
    });
    // The panel closed or moved on: stop following, and leave the page as it was.
    port.onDisconnect.addListener(() => {
      watch?.stop();
      watches.delete(watch!);
    });
  });
});
