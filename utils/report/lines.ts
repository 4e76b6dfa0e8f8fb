/** Line bounds in plain text, lines separated by '\n'. Pure. */

/** Offset of the first character of the line holding `i`. */
export function lineStartOf(text: string, i: number): number {
  // lastIndexOf clamps a negative start to 0 and would find a break at 0 for i = 0.
  return i <= 0 ? 0 : text.lastIndexOf('\n', i - 1) + 1;
}

/** Offset of the break that ends the line holding `i`, or the text's length. */
export function lineEndOf(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end === -1 ? text.length : end;
}
