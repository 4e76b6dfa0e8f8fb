/**
 * Block editors (Editor.js, WordPress's block editor and the like) make every paragraph its own
 * `contenteditable` inside a wrapper that is not editable. The user writes one document: the
 * wrapper is the editor, and its text is the text of its editable blocks in order.
 *
 * A wrapper is told from a form with several rich fields by its shape: two or more editable
 * blocks, each inside its own child of the wrapper, those children all of one kind, and no
 * field of a form (a label, an input, a block with a name of its own) among them.
 */

/** How far above an editable block its editor's wrapper may be. */
const MAX_DEPTH = 4;

/** The outermost editable elements inside `scope`, in document order. */
function editableRootsIn(scope: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of scope.querySelectorAll<HTMLElement>('[contenteditable]')) {
    if (el.isContentEditable && !el.parentElement?.isContentEditable) found.push(el);
  }
  return found;
}

/** The child of `wrapper` that holds `el`. */
function childHolding(wrapper: Element, el: Element): Element {
  let child = el;
  while (child.parentElement && child.parentElement !== wrapper) child = child.parentElement;
  return child;
}

/** What makes children of one kind: the tag and the first class, which editors give every block. */
const kindOf = (el: Element) => `${el.tagName}.${el.classList[0] ?? ''}`;

/** The editable blocks of `wrapper` when it is a block editor, else null. */
function blocksOf(wrapper: Element): HTMLElement[] | null {
  if (wrapper instanceof HTMLElement && wrapper.isContentEditable) return null;
  const blocks = editableRootsIn(wrapper);
  if (blocks.length < 2) return null;
  if (wrapper.querySelector('label, input, textarea, select')) return null;
  if (blocks.some((b) => b.hasAttribute('aria-label') || b.hasAttribute('aria-labelledby'))) return null;
  const children = blocks.map((b) => childHolding(wrapper, b));
  const kind = kindOf(children[0]);
  return children.every((c) => kindOf(c) === kind) ? blocks : null;
}

/**
 * The block editor that the editable root `root` is one block of: the nearest wrapper above it
 * holding other editable blocks, when its shape is a block editor's. Null for an editor of its own.
 */
export function blockEditorAround(root: HTMLElement): HTMLElement | null {
  let wrapper = root.parentElement;
  for (let depth = 0; wrapper && depth < MAX_DEPTH; depth++, wrapper = wrapper.parentElement) {
    if (editableRootsIn(wrapper).length < 2) continue;
    return blocksOf(wrapper) ? wrapper : null;
  }
  return null;
}

/** Whether `root` is the wrapper of a block editor. */
export function isBlockEditor(root: HTMLElement): boolean {
  return !root.isContentEditable && blocksOf(root) !== null;
}

/** What holds the text of an editor: its editable blocks for a block editor, else itself. */
export function textRoots(root: HTMLElement): HTMLElement[] {
  return (!root.isContentEditable && blocksOf(root)) || [root];
}
