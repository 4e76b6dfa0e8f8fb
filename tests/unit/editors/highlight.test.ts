// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { clearHighlights, showHighlights } from '@/utils/editors/highlight';

function editorWithRange() {
  document.body.innerHTML = '<div id="e" contenteditable="true"><p>今年完成了xx项任务</p></div>';
  const root = document.getElementById('e')!;
  const range = document.createRange();
  range.setStart(root.querySelector('p')!.firstChild!, 5);
  range.setEnd(root.querySelector('p')!.firstChild!, 7);
  return { root, range };
}

type Registry = Map<string, { ranges: Range[] }>;

describe('highlights', () => {
  afterEach(() => {
    const view = window as unknown as { Highlight?: unknown; CSS?: unknown };
    delete view.Highlight;
    clearHighlights(document);
  });

  it('registers the ranges with the Highlight API, the current one apart, and clears them', () => {
    const registry: Registry = new Map();
    Object.assign(window, {
      // Like the real API: a set of ranges, filled through the constructor or add().
      Highlight: class {
        ranges: Range[];
        constructor(...ranges: Range[]) {
          this.ranges = ranges;
        }
        add(range: Range) {
          this.ranges.push(range);
        }
      },
    });
    const css = window.CSS;
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    const { root, range } = editorWithRange();
    const other = range.cloneRange();
    showHighlights(root, [range, other], other);
    expect(registry.get('report-assistant-placeholder')!.ranges).toEqual([range]);
    expect(registry.get('report-assistant-current')!.ranges).toEqual([other]);
    // The editor's own DOM is untouched.
    expect(root.innerHTML).toBe('<p>今年完成了xx项任务</p>');
    clearHighlights(document);
    expect(registry.size).toBe(0);
    Object.defineProperty(window, 'CSS', { value: css, configurable: true });
  });

  it('leaves the page as it was where the API is missing', () => {
    const { root, range } = editorWithRange();
    const before = document.documentElement.outerHTML;
    showHighlights(root, [range], null);
    clearHighlights(document);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
