/**
 * Calls from the content script's isolated world to the MAIN-world bridge in the same page,
 * for editors whose own API is the only reliable way in (iframe editors, CodeMirror's model).
 *
 * A call is a synchronous DOM event on the editor's element (or, for an editor in a frame, on
 * the frame element, where the page that owns the editor instance listens). Payloads are JSON
 * strings: objects do not cross between worlds. The page can see and forge these events, so
 * an answer is only ever data to check, never an instruction.
 */
import {
  BRIDGE_ANSWER,
  BRIDGE_CALL,
  BRIDGE_METHODS,
  type BridgeMethod,
  type ContentToBridge,
  type EditorFamily,
} from '../../protocol/messages';
import type { InsertContent, TextSpan } from './adapters/types';
import { dispatchPaste } from './input';

const METHODS: readonly string[] = BRIDGE_METHODS;

/** Runs `method` on the editor behind `target`; undefined when no bridge answered. */
export function callBridge<M extends BridgeMethod>(
  target: Element,
  family: EditorFamily,
  method: M,
  args: ContentToBridge<M>['args'],
): unknown {
  const id = Math.random().toString(36).slice(2);
  let answer: unknown;
  const onAnswer = (event: Event) => {
    const detail = (event as CustomEvent).detail;
    if (typeof detail !== 'string') return;
    try {
      const parsed = JSON.parse(detail) as { id?: unknown; value?: unknown };
      if (parsed.id === id) answer = parsed.value;
    } catch {
      // Not ours.
    }
  };
  target.addEventListener(BRIDGE_ANSWER, onAnswer);
  const call = { id, family, method, args } as ContentToBridge<M>;
  target.dispatchEvent(new CustomEvent(BRIDGE_CALL, { detail: JSON.stringify(call), bubbles: true, composed: true }));
  target.removeEventListener(BRIDGE_ANSWER, onAnswer);
  return answer;
}

/** The MAIN-world half of one editor family: find the instance, then use its API. */
export interface BridgeHandler<Editor = unknown> {
  family: EditorFamily;
  /** The editor instance behind the element a call arrived on, or null. */
  find(target: Element): Editor | null;
  insert?(editor: Editor, content: InsertContent): boolean;
  readText?(editor: Editor): string;
  /** The editor's own selection, for editors whose DOM does not hold all of their text. */
  readSelection?(editor: Editor): TextSpan;
  select?(editor: Editor, span: TextSpan): boolean;
  /** Every span replaced by its own text, in one undo step. */
  replaceEach?(editor: Editor, args: ContentToBridge<'replaceEach'>['args']): boolean;
}

export function defineBridge<Editor>(handler: BridgeHandler<Editor>): BridgeHandler<Editor> {
  return handler;
}

/** Installs the MAIN-world listener; `handlers` are the families that need one. */
export function serveBridge(handlers: readonly BridgeHandler[]): void {
  const onCall = (event: Event) => {
    const target = event.target;
    const detail = (event as CustomEvent).detail;
    if (!(target instanceof Element) || typeof detail !== 'string') return;
    let call: ContentToBridge;
    try {
      call = JSON.parse(detail) as ContentToBridge;
    } catch {
      return;
    }
    let value: unknown;
    if (call.method === 'paste') {
      // Checked by hand (the schemas would weigh on every page): the page can forge these calls.
      const args = call.args as { text?: unknown; html?: unknown } | null;
      if (typeof args?.text !== 'string' || (args.html !== undefined && typeof args.html !== 'string')) return;
      dispatchPaste(target, { text: args.text, html: args.html });
      answer(target, call.id, true);
      return;
    }
    const handler = handlers.find((h) => h.family === call.family);
    const editor = handler?.find(target);
    if (!handler || !editor) return;
    try {
      // Each method takes the editor and the call's arguments; unknown methods answer nothing.
      // The page can forge calls too: only the bridge's own methods are ever run.
      const method = METHODS.includes(call.method) ? (handler[call.method] as ((editor: unknown, args: unknown) => unknown) | undefined) : undefined;
      value = typeof method === 'function' ? method(editor, call.args) : undefined;
    } catch (error) {
      console.warn('Report Drafting Assistant: the editor refused the call', error);
      value = undefined;
    }
    if (value !== undefined) answer(target, call.id, value);
  };
  const answer = (target: Element, id: string, value: unknown) =>
    target.dispatchEvent(new CustomEvent(BRIDGE_ANSWER, { detail: JSON.stringify({ id, value }) }));
  const listen = () => document.addEventListener(BRIDGE_CALL, onCall, true);
  listen();
  // document.open() erases listeners; editors that write their frame this way get it again.
  new MutationObserver(listen).observe(document, { childList: true });
}
