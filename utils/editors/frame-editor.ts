/**
 * Editors whose editable body lives in an iframe the parent page writes (TinyMCE, CKEditor 4,
 * KindEditor). Their instance lives in the PARENT page's MAIN world, so the content script of
 * the frame restores the DOM selection there, then calls the bridge on the <iframe> element;
 * the bridge makes that selection the editor's own and inserts through the editor's API.
 */
import type { EditorFamily } from '../../protocol/messages';
import type { EditorAdapter } from './adapters/types';
import { callBridge } from './bridge';
import { domRangesOf, END_OF_TEXT, readDomSelection, readDomText, selectDom } from './dom-selection';

/** The <iframe> element that holds `root`'s document, when the parent page is reachable. */
function frameOf(root: HTMLElement): Element | null {
  return root.ownerDocument.defaultView?.frameElement ?? null;
}

/**
 * The isolated-world adapter of an iframe editor: its body is recognised by the class of its
 * frame element and its own class; text and offsets come from the DOM, which holds all of it.
 */
export function frameEditorAdapter(family: EditorFamily, frameClass: string, bodyClass: string | null): EditorAdapter {
  return {
    family,
    matches: (root) =>
      root === root.ownerDocument.body &&
      (bodyClass === null || root.classList.contains(bodyClass)) &&
      !!frameOf(root)?.classList.contains(frameClass),
    readText: readDomText,
    readSelection: readDomSelection,
    rangesOf: domRangesOf,

    async select(root, span) {
      await selectDom(root, span);
      // The bridge makes the DOM selection just set the editor's own, or its saved bookmark wins
      // the next time it takes focus; `span` only says what was selected.
      callBridge(frameOf(root)!, family, 'select', { start: span.start, end: span.end });
    },

    async insert(root, content, at) {
      await selectDom(root, at ?? END_OF_TEXT);
      const before = root.innerHTML;
      const answer = callBridge(frameOf(root)!, family, 'insert', { text: content.text, html: content.html, placement: content.placement });
      return answer === true && root.innerHTML !== before;
    },

    async replaceEach(root, edits) {
      const before = root.innerHTML;
      const answer = callBridge(frameOf(root)!, family, 'replaceEach', { edits: edits.map(({ start, end, text }) => ({ start, end, text })) });
      return answer === true && root.innerHTML !== before;
    },
  };
}

/**
 * MAIN world: the selection the content script put in the frame, read before the editor is
 * focused (focusing restores the editor's own saved bookmark over it).
 */
export function frameRange(frame: Element | null | undefined): Range | null {
  const selection = (frame as HTMLIFrameElement | null)?.contentDocument?.getSelection();
  return selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
}
