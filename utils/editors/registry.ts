import { findEditableRoot } from './detect';

/** Where a root stood: enough to recognise the element its editor rebuilt in the same place. */
interface Place {
  parent: ParentNode;
  index: number;
  tag: string;
  id: string;
}

function placeOf(root: HTMLElement): Place | null {
  const doc = root.ownerDocument;
  // document.open() (CKEditor 4's setData) replaces <html> as well: a body is found from its document.
  const parent = root === doc.body ? doc : root.parentNode;
  if (!parent) return null;
  return { parent, index: Array.prototype.indexOf.call(parent.children, root), tag: root.tagName, id: root.id };
}

/**
 * Stable ids for editor roots within one frame, so the panel can name an editor back to us.
 * Editors rebuild their editable element (CKEditor 4 rewrites its frame on setData(), React
 * remounts an element whose key changed): the element that takes a root's place keeps its id.
 */
export class EditorRegistry {
  private readonly ids = new WeakMap<HTMLElement, string>();
  private readonly roots = new Map<string, WeakRef<HTMLElement>>();
  private readonly places = new WeakMap<HTMLElement, Place>();
  private next = 1;

  idOf(root: HTMLElement): string {
    let id = this.ids.get(root) ?? this.inherit(root);
    if (!id) {
      id = `editor-${this.next++}`;
      this.bind(id, root);
    }
    this.remember(root);
    return id;
  }

  /**
   * The root for an id, or the one rebuilt in its place; null when it left the page. A root
   * that left is kept until collected: its editor may be halfway through rebuilding it.
   */
  rootOf(id: string): HTMLElement | null {
    const root = this.roots.get(id)?.deref();
    if (!root) {
      this.roots.delete(id);
      return null;
    }
    if (!root.isConnected) return this.successorOf(root);
    this.remember(root);
    return root;
  }

  /**
   * The editable root now standing where `root` stood before it left the page (same parent and
   * position, or the body of the same frame document; same tag and id), which takes over its id.
   */
  successorOf(root: HTMLElement): HTMLElement | null {
    const place = this.places.get(root);
    if (root.isConnected || !place?.parent.isConnected) return null;
    const found = place.parent.nodeType === Node.DOCUMENT_NODE ? (place.parent as Document).body : place.parent.children[place.index];
    const candidate = found instanceof HTMLElement && found.tagName === place.tag && found.id === place.id ? found : null;
    if (!candidate || findEditableRoot(candidate) !== candidate) return null;
    const id = this.ids.get(root);
    if (id) {
      this.roots.set(id, new WeakRef(candidate));
      // A successor the page already showed us under its own id keeps that one too.
      if (!this.ids.has(candidate)) this.ids.set(candidate, id);
    }
    this.remember(candidate);
    return candidate;
  }

  /** The id of a registered root that left the page and whose place `root` now holds. */
  private inherit(root: HTMLElement): string | undefined {
    for (const [id, ref] of this.roots) {
      const old = ref.deref();
      if (old && this.successorOf(old) === root) return id;
    }
    return undefined;
  }

  private bind(id: string, root: HTMLElement) {
    this.ids.set(root, id);
    this.roots.set(id, new WeakRef(root));
  }

  /** Positions move as the page changes around the root: keep the latest while it is here. */
  private remember(root: HTMLElement) {
    const place = placeOf(root);
    if (place) this.places.set(root, place);
  }
}
