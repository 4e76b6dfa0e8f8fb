// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SelectionMemory } from '@/utils/editors/selection-memory';

function editor() {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  document.body.append(el);
  return el;
}

describe('SelectionMemory', () => {
  it('remembers the last focused editor and its caret', () => {
    const memory = new SelectionMemory();
    const a = editor();
    memory.focus(a, 100);
    memory.save(a, { start: 3, end: 5, range: null });
    expect(memory.current()?.root).toBe(a);
    expect(memory.selectionOf(a)).toEqual({ start: 3, end: 5, range: null });
    expect(memory.lastFocusedAt(a)).toBe(100);
  });

  it('forgets the caret of the previous editor when another is focused', () => {
    const memory = new SelectionMemory();
    const a = editor();
    const b = editor();
    memory.focus(a, 1);
    memory.save(a, { start: 1, end: 1, range: null });
    memory.focus(b, 2);
    expect(memory.current()?.root).toBe(b);
    expect(memory.selectionOf(a)).toBeNull();
    expect(memory.selectionOf(b)).toBeNull();
    // Both keep their focus times for the panel's list.
    expect(memory.lastFocusedAt(a)).toBe(1);
    expect(memory.lastFocusedAt(b)).toBe(2);
  });

  it('ignores a selection saved for an editor that is not the remembered one', () => {
    const memory = new SelectionMemory();
    const a = editor();
    const b = editor();
    memory.focus(a, 1);
    memory.save(b, { start: 9, end: 9, range: null });
    expect(memory.selectionOf(a)).toBeNull();
  });

  it('keeps the caret when the same editor is focused again', () => {
    const memory = new SelectionMemory();
    const a = editor();
    memory.focus(a, 1);
    memory.save(a, { start: 4, end: 4, range: null });
    memory.focus(a, 2);
    expect(memory.selectionOf(a)?.start).toBe(4);
    expect(memory.current()?.focusedAt).toBe(2);
  });

  it('drops an editor that has left the page instead of handing it out', () => {
    const memory = new SelectionMemory();
    const a = editor();
    memory.focus(a, 1);
    a.remove();
    expect(memory.current()).toBeNull();
    expect(memory.selectionOf(a)).toBeNull();
    expect(memory.lastFocusedAt(a)).toBeNull();
  });
});
