// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { EditorRegistry } from '@/utils/editors/registry';
import { SelectionMemory } from '@/utils/editors/selection-memory';

function form() {
  const parent = document.createElement('form');
  parent.innerHTML = '<label>标题</label><textarea id="summary"></textarea><div contenteditable="true"><p>正文</p></div>';
  document.body.append(parent);
  return { parent, field: parent.querySelector('textarea')!, rich: parent.querySelector('div')! };
}

/** What React does on a key change: a new element of the same kind in the old one's place. */
function remount(el: HTMLElement): HTMLElement {
  const fresh = el.cloneNode(true) as HTMLElement;
  el.replaceWith(fresh);
  return fresh;
}

describe('EditorRegistry', () => {
  it('gives each root a stable id and finds it again', () => {
    const registry = new EditorRegistry();
    const { field, rich } = form();
    const a = registry.idOf(field);
    const b = registry.idOf(rich);
    expect(a).not.toBe(b);
    expect(registry.idOf(field)).toBe(a);
    expect(registry.rootOf(b)).toBe(rich);
  });

  it('follows a root rebuilt in the same place, under the same id', () => {
    const registry = new EditorRegistry();
    const { field, rich } = form();
    const fieldId = registry.idOf(field);
    const richId = registry.idOf(rich);
    const newRich = remount(rich);
    expect(registry.rootOf(richId)).toBe(newRich);
    // A scan that meets the new element first also finds the old id.
    const newField = remount(field);
    expect(registry.idOf(newField)).toBe(fieldId);
    expect(registry.rootOf(fieldId)).toBe(newField);
  });

  it('follows a frame body rewritten by document.open()', () => {
    const registry = new EditorRegistry();
    const doc = document.implementation.createHTMLDocument('frame');
    doc.body.contentEditable = 'true';
    const id = registry.idOf(doc.body);
    const body = doc.createElement('body');
    body.contentEditable = 'true';
    const html = doc.createElement('html');
    html.append(doc.createElement('head'), body);
    doc.documentElement.remove();
    doc.append(html);
    expect(registry.rootOf(id)).toBe(body);
  });

  it('does not take another kind of element, or one that is not editable, for the old root', () => {
    const registry = new EditorRegistry();
    const { rich, field } = form();
    const richId = registry.idOf(rich);
    const fieldId = registry.idOf(field);
    rich.replaceWith(document.createElement('section'));
    const plain = document.createElement('textarea');
    plain.id = 'other';
    field.replaceWith(plain);
    expect(registry.rootOf(richId)).toBeNull();
    expect(registry.rootOf(fieldId)).toBeNull();
  });

  it('never takes the next editor that slides into the place of a removed one', () => {
    const registry = new EditorRegistry();
    const parent = document.createElement('div');
    parent.innerHTML = '<textarea></textarea><textarea></textarea>';
    document.body.append(parent);
    const [first, second] = [...parent.querySelectorAll('textarea')];
    const firstId = registry.idOf(first);
    first.remove();
    // The second textarea now stands at index 0 with the same tag and id, but it was there before.
    expect(parent.children[0]).toBe(second);
    expect(registry.rootOf(firstId)).toBeNull();
    expect(registry.idOf(second)).not.toBe(firstId);
  });

  it('never hands an id to an element that is already a registered editor', () => {
    const registry = new EditorRegistry();
    const parent = document.createElement('div');
    parent.innerHTML = '<span></span><div contenteditable="true"></div><span></span>';
    document.body.append(parent);
    const old = parent.querySelector('div')!;
    const oldId = registry.idOf(old);
    const other = document.createElement('div');
    other.contentEditable = 'true';
    document.body.append(other);
    const otherId = registry.idOf(other);
    // The page moves a known editor into the old one's place.
    old.replaceWith(other);
    expect(registry.rootOf(oldId)).toBeNull();
    expect(registry.rootOf(otherId)).toBe(other);
  });

  it('finds nothing once the whole form left the page', () => {
    const registry = new EditorRegistry();
    const { parent, rich } = form();
    const id = registry.idOf(rich);
    parent.remove();
    expect(registry.rootOf(id)).toBeNull();
  });
});

describe('SelectionMemory with the registry', () => {
  it('reads the remembered editor without changing it', () => {
    const registry = new EditorRegistry();
    let asked = 0;
    const memory = new SelectionMemory((root) => (asked++, registry.replacementOf(root)));
    const { rich } = form();
    registry.idOf(rich);
    memory.focus(rich, 3);
    memory.save(rich, { start: 1, end: 1, range: null });
    const fresh = remount(rich);
    const first = memory.current();
    const second = memory.current();
    expect(first).toEqual(second);
    expect(first?.root).toBe(fresh);
    // The registry did not rebind anything on a read: the id still resolves on request.
    expect(registry.rootOf(registry.idOf(fresh))).toBe(fresh);
    expect(asked).toBeGreaterThan(0);
  });

  it('does not carry the caret to a neighbouring editor when the remembered one is removed', () => {
    const registry = new EditorRegistry();
    const memory = new SelectionMemory((root) => registry.replacementOf(root));
    const parent = document.createElement('div');
    parent.innerHTML = '<div contenteditable="true">a</div><div contenteditable="true">b</div>';
    document.body.append(parent);
    const [first, second] = [...parent.children] as HTMLElement[];
    registry.idOf(first);
    memory.focus(first, 1);
    memory.save(first, { start: 1, end: 1, range: null });
    first.remove();
    expect(memory.current()).toBeNull();
    expect(memory.selectionOf(second)).toBeNull();
    expect(memory.lastFocusedAt(second)).toBeNull();
  });

  it('moves the caret to the rebuilt root as text offsets, with its focus time', () => {
    const registry = new EditorRegistry();
    const memory = new SelectionMemory((root) => registry.replacementOf(root));
    const { rich } = form();
    registry.idOf(rich);
    memory.focus(rich, 7);
    const range = document.createRange();
    range.setStart(rich.querySelector('p')!.firstChild!, 1);
    memory.save(rich, { start: 1, end: 1, range });
    const fresh = remount(rich);
    expect(memory.current()?.root).toBe(fresh);
    expect(memory.selectionOf(fresh)).toEqual({ start: 1, end: 1, range: null });
    expect(memory.lastFocusedAt(fresh)).toBe(7);
  });

  it('waits while nothing stands in the old place yet, then follows', () => {
    const registry = new EditorRegistry();
    const memory = new SelectionMemory((root) => registry.replacementOf(root));
    const { parent, rich } = form();
    registry.idOf(rich);
    memory.focus(rich, 1);
    memory.save(rich, { start: 2, end: 2, range: null });
    const fresh = rich.cloneNode(true) as HTMLElement;
    rich.remove();
    expect(memory.current()).toBeNull();
    parent.append(fresh);
    expect(memory.selectionOf(fresh)?.start).toBe(2);
  });
});
