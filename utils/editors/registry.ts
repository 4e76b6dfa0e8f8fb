import { findEditableRoot } from './detect';

/** Where a root stood: enough to recognise the element its editor rebuilt in the same place. */
interface Place {
  parent: ParentNode;
  index: number;
  tag: string;
  id: string;
  /**
   * The elements on either side. When the root leaves, its next sibling slides into its index:
   * that element was already there, so it is a neighbour, never a rebuilt editor.
   */
  neighbours: WeakRef<Element>[];
}

function placeOf(root: HTMLElement): Place | null {
  const doc = root.ownerDocument;
  // document.open() (CKEditor 4's setData) replaces <html> as well: a body is found from its document.
  const parent = root === doc.body ? doc : root.parentNode;
  if (!parent) return null;
  const neighbours = [root.previousElementSibling, root.nextElementSibling].filter((e): e is Element => !!e).map((e) => new WeakRef(e));
  return { parent, index: Array.prototype.indexOf.call(parent.children, root), tag: root.tagName, id: root.id, neighbours };
}

/**
 * Stable ids for editor roots within one frame, so the panel can name an editor back to us.
 * Editors rebuild their editable element (CKEditor 4 rewrites its frame on setData(), React
 * remounts an element whose key changed): the element that takes a root's place keeps its id.
 * Nothing else does: a caret carried to another editor would send the user's text where they
 * never clicked, so when in doubt there is no successor and the panel asks for a click.
 */
export class EditorRegistry {
  private readonly ids = new WeakMap<HTMLElement, string>();
  private readonly roots = new Map<string, WeakRef<HTMLElement>>();
  private readonly places = new WeakMap<HTMLElement, Place>();
  /** Roots that left, and the element that took over their id. */
  private readonly heirs = new WeakMap<HTMLElement, WeakRef<HTMLElement>>();
  private next = 1;

  idOf(root: HTMLElement): string {
    let id = this.ids.get(root);
    if (!id) {
      const heir = this.inherit(root);
      if (heir) this.adopt(heir.id, heir.old, root);
      id = heir?.id;
    }
    if (!id) {
      id = `editor-${this.next++}`;
      this.bind(id, root);
    }
    this.remember(root);
    return id;
  }

  /**
   * The root for an id, or the one rebuilt in its place (which takes over the id); null when it
   * left the page. A root that left is kept until collected: its editor may be halfway through
   * rebuilding it.
   */
  rootOf(id: string): HTMLElement | null {
    const root = this.roots.get(id)?.deref();
    if (!root) {
      this.roots.delete(id);
      return null;
    }
    if (!root.isConnected) {
      const successor = this.successorOf(root);
      if (successor) this.adopt(id, root, successor);
      return successor;
    }
    this.remember(root);
    return root;
  }

  /**
   * The editable root now standing where `root` stood before it left the page, without changing
   * anything. It must be a new element in the same place (same parent and position, or the body
   * of the same frame document; same tag and id) that no registered editor holds and that was not
   * one of the old root's neighbours.
   */
  successorOf(root: HTMLElement): HTMLElement | null {
    const place = this.places.get(root);
    if (root.isConnected || !place?.parent.isConnected) return null;
    const found = place.parent.nodeType === Node.DOCUMENT_NODE ? (place.parent as Document).body : place.parent.children[place.index];
    if (!(found instanceof HTMLElement) || found.tagName !== place.tag || found.id !== place.id) return null;
    if (this.ids.has(found) || place.neighbours.some((n) => n.deref() === found)) return null;
    return findEditableRoot(found) === found ? found : null;
  }

  /** What stands for `root` now: itself, the element that took over its id, or its successor. */
  replacementOf(root: HTMLElement): HTMLElement | null {
    if (root.isConnected) return root;
    const heir = this.heirs.get(root)?.deref();
    return heir?.isConnected ? heir : this.successorOf(root);
  }

  /** A registered root that left the page and whose place `root` now holds. */
  private inherit(root: HTMLElement): { id: string; old: HTMLElement } | undefined {
    for (const [id, ref] of this.roots) {
      const old = ref.deref();
      if (old && this.successorOf(old) === root) return { id, old };
    }
    return undefined;
  }

  private adopt(id: string, old: HTMLElement, successor: HTMLElement) {
    this.bind(id, successor);
    this.ids.delete(old);
    this.heirs.set(old, new WeakRef(successor));
    this.remember(successor);
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
