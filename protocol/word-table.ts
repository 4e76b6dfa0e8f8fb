/**
 * The few distinct strings of a packed column (kinds, rules, styles): each kept once in `words`,
 * the column holding indexes into it.
 */
export function wordTable(): { words: string[]; indexOf(word: string): number } {
  const words: string[] = [];
  const index = new Map<string, number>();
  return {
    words,
    indexOf(word) {
      let at = index.get(word);
      if (at === undefined) index.set(word, (at = words.push(word) - 1));
      return at;
    },
  };
}
