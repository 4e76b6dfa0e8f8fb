import { adapterFor, type EditorAdapter } from '../adapters';
import { editorLabel, isOffLimits, isReadable, judgeEditor, measureEditor } from '../detect';
import { EditorRegistry } from '../registry';
import { rangeHtml } from '../selected-content';
import { SelectionMemory } from '../selection-memory';
import type { ContentToPanel, EditorInfo, Failure, SelectedContent } from '../../../protocol/messages';

/**
 * The editors of this frame the panel knows by id, and the caret of the one the user last
 * worked in: what every other part of the content script shares.
 */
export function createKnownEditors() {
  const registry = new EditorRegistry();
  // A caret survives its editor rebuilding the element in place (the registry recognises it).
  const memory = new SelectionMemory((root) => registry.replacementOf(root));

  /** What the panel is told of an editor, and the text read for it ('' for one not read). */
  const read = (root: HTMLElement): { info: EditorInfo; text: string } => {
    const facts = measureEditor(root);
    const verdict = judgeEditor(facts);
    const adapter = adapterFor(root);
    // A one-line field is named, never read: its length and words stay in the page.
    const text = (isReadable(verdict) && adapter?.readText(root)) || '';
    const info = {
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
    return { info, text };
  };
  const describe = (root: HTMLElement): EditorInfo => read(root).info;

  /** The editor the panel names, with its adapter, or why it cannot be used. */
  const editorFor = (editorId: string): { root: HTMLElement; adapter: EditorAdapter } | Failure => {
    const root = registry.rootOf(editorId);
    if (!root) return { ok: false, reason: 'detached' };
    // A secret or hidden field is never read, targeted or written, whatever id it came by.
    if (isOffLimits(judgeEditor(measureEditor(root)))) return { ok: false, reason: 'not-found' };
    const adapter = adapterFor(root);
    return adapter ? { root, adapter } : { ok: false, reason: 'not-found' };
  };

  const saveSelectionOf = (root: HTMLElement) => {
    const selection = adapterFor(root)?.readSelection(root);
    if (selection) memory.save(root, selection);
  };

  /** The text and markup of the editor's selection, live or remembered. */
  const selectedIn = (root: HTMLElement, adapter: EditorAdapter): SelectedContent => {
    const selection = adapter.readSelection(root) ?? memory.selectionOf(root);
    const text = selection ? adapter.readText(root).slice(selection.start, selection.end) : '';
    return { text, html: text && selection?.range ? rangeHtml(selection.range) : undefined };
  };

  return { registry, memory, read, describe, editorFor, saveSelectionOf, selectedIn };
}

/** Tells the panel; nobody listens while it is closed, which is not an error. */
export function announce(event: ContentToPanel): void {
  browser.runtime.sendMessage(event).catch(() => {});
}

export type KnownEditors = ReturnType<typeof createKnownEditors>;
