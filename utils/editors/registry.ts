/** Stable ids for editor roots within one frame, so the panel can name an editor back to us. */
export class EditorRegistry {
  private readonly ids = new WeakMap<HTMLElement, string>();
  private readonly roots = new Map<string, WeakRef<HTMLElement>>();
  private next = 1;

  idOf(root: HTMLElement): string {
    let id = this.ids.get(root);
    if (!id) {
      id = `editor-${this.next++}`;
      this.ids.set(root, id);
      this.roots.set(id, new WeakRef(root));
    }
    return id;
  }

  /** The root for an id, or null when it was collected or left the page. */
  rootOf(id: string): HTMLElement | null {
    const root = this.roots.get(id)?.deref();
    if (root?.isConnected) return root;
    this.roots.delete(id);
    return null;
  }
}
