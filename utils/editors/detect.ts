import type { EditableKind } from '../../protocol/messages';
import { blockEditorAround } from './editable-blocks';

/** What the report-editor decision needs to know, measured from the DOM by `measureEditor`. */
export interface EditorFacts {
  kind: EditableKind;
  width: number;
  height: number;
  visible: boolean;
  readOnly: boolean;
  /** The page asked writing tools to stay away (`data-gramm="false"` and the like). */
  optedOut: boolean;
  /** The field holds a secret: a password, payment details, a one-time code. */
  sensitive: boolean;
  /** A one-line box: an input, or a contenteditable the page calls a search box or one line. */
  singleLine: boolean;
}

export type EditorVerdict = { isReportEditor: true } | { isReportEditor: false; reason: string };

/** Reports are written in boxes at least this big; smaller ones are search fields and chat lines. */
const MIN_EDITOR_WIDTH = 200;
const MIN_EDITOR_HEIGHT = 40;

export function judgeEditor(facts: EditorFacts): EditorVerdict {
  if (facts.sensitive) return { isReportEditor: false, reason: 'sensitive' };
  if (facts.readOnly) return { isReportEditor: false, reason: 'read-only' };
  if (!facts.visible) return { isReportEditor: false, reason: 'hidden' };
  if (facts.kind === 'input' || facts.singleLine) return { isReportEditor: false, reason: 'single line' };
  if (facts.optedOut) return { isReportEditor: false, reason: 'opted out' };
  if (facts.width < MIN_EDITOR_WIDTH || facts.height < MIN_EDITOR_HEIGHT) {
    return { isReportEditor: false, reason: 'too small' };
  }
  return { isReportEditor: true };
}

/** Never read, targeted or written: what such a field holds is the user's secret or the page's. */
export function isOffLimits(verdict: EditorVerdict): boolean {
  return !verdict.isReportEditor && (verdict.reason === 'sensitive' || verdict.reason === 'hidden');
}

/** Whether the panel may read the editor's text: not a secret, hidden or one-line field. */
export function isReadable(verdict: EditorVerdict): boolean {
  return !isOffLimits(verdict) && (verdict.isReportEditor || verdict.reason !== 'single line');
}

export const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);
/** The page asked writing tools to stay away, on the editor or around it. */
const OPT_OUT = '[data-gramm=false],[data-gramm_editor=false],[data-enable-grammarly=false],[data-report-assistant=off]';
/** The editable root that `node` belongs to, or null when it is not inside an editor. */
export function findEditableRoot(node: Node | null): HTMLElement | null {
  const el = node instanceof Element ? node : node?.parentElement;
  if (!el) return null;
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) ? el : null;
  const doc = el.ownerDocument;
  if (doc.designMode === 'on') return doc.body;
  if (!(el instanceof HTMLElement) || !el.isContentEditable) return null;
  // The root is the outermost element that is still editable, or the block editor it is a block of.
  let root: HTMLElement = el;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return blockEditorAround(root) ?? root;
}

/** Autocomplete tokens of payment details (`cc-number`, `cc-csc`…) and one-time codes. */
const SECRET_AUTOCOMPLETE = /(^|\s)(cc-|one-time-code)/i;

function editorKind(root: HTMLElement): EditableKind {
  if (root instanceof HTMLTextAreaElement) return 'textarea';
  if (root instanceof HTMLInputElement) return 'input';
  if (root.ownerDocument.designMode === 'on' && root === root.ownerDocument.body) return 'design-mode';
  return 'contenteditable';
}

export function measureEditor(root: HTMLElement): EditorFacts {
  const kind = editorKind(root);
  // A design-mode body is as big as its frame, whatever its content.
  const box =
    kind === 'design-mode'
      ? { width: root.ownerDocument.documentElement.clientWidth, height: root.ownerDocument.documentElement.clientHeight }
      : root.getBoundingClientRect();
  const style = root.ownerDocument.defaultView?.getComputedStyle(root);
  const visible = box.width > 0 && box.height > 0 && style?.visibility !== 'hidden' && style?.display !== 'none';
  const readOnly =
    root.getAttribute('aria-readonly') === 'true' ||
    ((root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement) && (root.readOnly || root.disabled));
  const role = root.getAttribute('role');
  return {
    kind,
    width: Math.round(box.width),
    height: Math.round(box.height),
    visible,
    readOnly,
    optedOut: !!root.closest(OPT_OUT),
    sensitive: (root as HTMLInputElement).type === 'password' || SECRET_AUTOCOMPLETE.test(root.getAttribute('autocomplete') ?? ''),
    singleLine: role === 'searchbox' || role === 'combobox' || root.getAttribute('aria-multiline') === 'false',
  };
}

/**
 * The elements of `scope` that host an open shadow root, outside editable text: the walk does
 * not go into an editor's content, whose every paragraph (a wrapper to make in this world for
 * each) would cost a long document tens of milliseconds, and no editor nests a shadow root
 * holding another editor in its text. `contenteditable="false"` is not editable text.
 */
function shadowHostsIn(scope: Document | ShadowRoot): Element[] {
  const hosts: Element[] = [];
  const doc = (scope.ownerDocument ?? scope) as Document;
  const walker = doc.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT, (node) => {
    const el = node as Element;
    if (el.shadowRoot) hosts.push(el);
    const editable = el.getAttribute('contenteditable');
    return editable !== null && editable !== 'false' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
  });
  while (walker.nextNode());
  return hosts;
}

/** Every editable root in a document or shadow root, including open shadow roots inside it. */
export function listEditableRoots(scope: Document | ShadowRoot, includeInputs = true): HTMLElement[] {
  if (scope instanceof Document && scope.designMode === 'on' && scope.body) return [scope.body];
  const roots: HTMLElement[] = [];
  const selector = includeInputs ? 'textarea, input, [contenteditable]' : 'textarea, [contenteditable]';
  for (const el of scope.querySelectorAll<HTMLElement>(selector)) {
    const root = findEditableRoot(el);
    // A block editor (a root that is not editable itself) is listed once, for its first block.
    if (root === el || (root && !root.isContentEditable && !roots.includes(root))) roots.push(root);
  }
  for (const host of shadowHostsIn(scope)) roots.push(...listEditableRoots(host.shadowRoot!, includeInputs));
  return roots;
}

export interface FoundEditor {
  root: HTMLElement;
  facts: EditorFacts;
  verdict: EditorVerdict;
}

/**
 * The editors worth offering the user: report editors, and big ones that opted out (the user
 * may still pick them). Single-line fields and small boxes, which forms have by the thousand,
 * are passed over before anything costly is measured.
 */
export function findEditors(scope: Document | ShadowRoot): FoundEditor[] {
  const found: FoundEditor[] = [];
  for (const root of listEditableRoots(scope, false)) {
    const designMode = root.ownerDocument.designMode === 'on';
    if (!designMode) {
      const box = root.getBoundingClientRect();
      if (box.width < MIN_EDITOR_WIDTH || box.height < MIN_EDITOR_HEIGHT) continue;
    }
    const facts = measureEditor(root);
    const verdict = judgeEditor(facts);
    if (verdict.isReportEditor || verdict.reason === 'opted out') found.push({ root, facts, verdict });
  }
  return found;
}

/** A short name for the editor the user will recognise in the panel. */
export function editorLabel(root: HTMLElement): string {
  const fieldLabel =
    root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement ? root.labels?.[0]?.textContent : null;
  const named =
    root.getAttribute('aria-label') ||
    fieldLabel ||
    root.getAttribute('placeholder') ||
    root.getAttribute('title') ||
    root.getAttribute('name') ||
    root.id;
  if (named) return named.trim().slice(0, 60);
  const labelled = root.getAttribute('aria-labelledby');
  const labelText = labelled && root.ownerDocument.getElementById(labelled)?.textContent?.trim();
  if (labelText) return labelText.slice(0, 60);
  if (root.ownerDocument.defaultView !== root.ownerDocument.defaultView?.top) {
    const frameTitle = root.ownerDocument.title;
    if (frameTitle) return frameTitle.slice(0, 60);
  }
  return '';
}
