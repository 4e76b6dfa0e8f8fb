import { useLayoutEffect, useState, type RefObject } from 'react';

/** Rows drawn beyond the view on each side, so fast scrolling does not show blanks. */
const OVERSCAN = 8;

/** The first row whose bottom is below `y`: `tops` holds each row's top and, last, the total height. */
function rowAt(tops: Float64Array, y: number): number {
  let low = 0;
  let high = tops.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (tops[middle] <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/**
 * Which rows of a long list are in view of its scroll box, from the scroll position alone:
 * rows have fixed heights (`tops`), so only the rows in view and a few around are rendered.
 */
export function useVirtualWindow(box: RefObject<HTMLElement | null>, tops: Float64Array) {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);

  const count = tops.length - 1;
  const first = count ? Math.max(0, rowAt(tops, scrollTop) - OVERSCAN) : 0;
  // Before the box is measured, assume a screenful.
  const last = count ? Math.min(count, rowAt(tops, scrollTop + (height || 600)) + 1 + OVERSCAN) : 0;

  return { first, last, total: count ? tops[count] : 0, onScroll: (event: { currentTarget: HTMLElement }) => setScrollTop(event.currentTarget.scrollTop) };
}
