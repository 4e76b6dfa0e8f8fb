/**
 * Caret stops of an inserted snippet (`{{cursor}}`, `{{tab}}`) in the editor's text. Pure: the
 * agent reads the text before and after the insertion and hands them in.
 */

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * Where `stops` (offsets into the inserted `text`) are in the editor's text `after`, which was
 * `before` until the insertion. The inserted part is where the two differ; a rich editor may
 * write it with other white space (a paragraph break for a line break, a no-break space), so
 * the two are walked side by side over everything but white space. Null when they do not match.
 */
export function locateStops(before: string, after: string, text: string, stops: readonly number[]): number[] | null {
  let prefix = 0;
  const most = Math.min(before.length, after.length);
  while (prefix < most && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < most - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  // The common prefix may have eaten the start of the insertion (`ab` inserted after `a` before `b`):
  // back off to where the inserted text's first non-space character sits.
  const first = text.search(/\S/);
  for (let back = 0; first >= 0 && prefix > 0 && back < text.length && after.slice(prefix).trimStart()[0] !== text[first]; back++) prefix--;
  const region = after.slice(prefix, after.length - suffix);
  const found: number[] = [];
  for (const stop of stops) {
    let i = 0;
    let j = 0;
    while (i < stop) {
      if (text[i] === region[j]) [i, j] = [i + 1, j + 1];
      else if (isSpace(text[i])) i++;
      else if (isSpace(region[j])) j++;
      else return null;
    }
    // A stop at the start of a line goes past the blank lines a rich editor puts between blocks.
    if (stop === 0 || text[stop - 1] === '\n') while (region[j] === '\n') j++;
    if (j > region.length) return null;
    found.push(prefix + j);
  }
  return found;
}

/**
 * The stops after the user typed at stop `index`, or null when the text changed anywhere else
 * (then the stops no longer mean anything and Tab is the page's again).
 */
export function followTyping(previous: string, now: string, stops: readonly number[], index: number): number[] | null {
  const at = stops[index];
  const typed = now.length - previous.length;
  if (typed < 0 || !now.startsWith(previous.slice(0, at)) || !now.endsWith(previous.slice(at))) return null;
  // Typing goes before every stop further on in the text, and before a later stop at the same place.
  return stops.map((stop, k) => (stop > at || (stop === at && k > index) ? stop + typed : stop));
}
