/** Line bounds in plain text, lines separated by '\n'. Pure. */

/** Offset of the first character of the line holding `i`. */
export function lineStartOf(text: string, i: number): number {
  // lastIndexOf clamps a negative start to 0 and would find a break at 0 for i = 0.
  return i <= 0 ? 0 : text.lastIndexOf('\n', i - 1) + 1;
}

/**
 * Offset of the first character of the line holding `i` when it is at most `reach` characters
 * back, else -1: for a caller that needs the line's start only when it is near, on a line of
 * any length.
 */
export function lineStartWithin(text: string, i: number, reach: number): number {
  for (let j = i; j >= 0 && i - j <= reach; j--) if (j === 0 || text[j - 1] === '\n' || text[j - 1] === '\r') return j;
  return -1;
}

/** Offset of the break that ends the line holding `i`, or the text's length. */
export function lineEndOf(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end === -1 ? text.length : end;
}
