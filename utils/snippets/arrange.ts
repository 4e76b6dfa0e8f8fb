/**
 * How the snippet list is arranged beside the search: the order the user picks and the folders
 * as a tree. Plain functions over records; no DOM.
 */
import type { Snippet } from '../db/schema';

/**
 * `best`: the search's own order (use order, fading with time, when nothing is searched);
 * `recent`: last used first; `frequent`: most used first; `title`: by title.
 */
export const SNIPPET_ORDERS = ['best', 'recent', 'frequent', 'title'] as const;
export type SnippetOrder = (typeof SNIPPET_ORDERS)[number];

export const isSnippetOrder = (value: unknown): value is SnippetOrder => SNIPPET_ORDERS.includes(value as SnippetOrder);

// Numbers inside titles compare as numbers (第2周 before 第10周); Chinese by its usual order.
const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });

/**
 * `list` in `order`. Ties keep the order they came in (the search's), so a query stays useful
 * under any order. Never-used snippets come after the used ones, in that order too.
 */
export function arrangeSnippets(list: readonly Snippet[], order: SnippetOrder): readonly Snippet[] {
  if (order === 'best') return list;
  const compare: Record<Exclude<SnippetOrder, 'best'>, (a: Snippet, b: Snippet) => number> = {
    recent: (a, b) => (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1),
    frequent: (a, b) => b.useCount - a.useCount || (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1),
    title: (a, b) => collator.compare(a.title, b.title),
  };
  // Array.prototype.sort is stable: ties stay in the search's order.
  return [...list].sort(compare[order]);
}

/** A folder path as written: `工作/周报`, with slashes of either width and spaces around them. */
export function folderPath(folder: string | undefined): string[] {
  return (folder ?? '')
    .split(/[/／]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** One folder of the tree: its path joined by `/`, its own name, its depth, and what it holds. */
export interface FolderNode {
  path: string;
  name: string;
  depth: number;
  /** Snippets in it and in its subfolders. */
  count: number;
}

/**
 * Every folder in use and every folder above one, as a tree read top to bottom: each folder
 * followed by its subfolders, siblings by name.
 */
export function folderTree(snippets: readonly Snippet[]): FolderNode[] {
  interface Branch {
    count: number;
    children: Map<string, Branch>;
  }
  const root: Branch = { count: 0, children: new Map() };
  for (const snippet of snippets) {
    let branch = root;
    for (const name of folderPath(snippet.folder)) {
      let child = branch.children.get(name);
      if (!child) branch.children.set(name, (child = { count: 0, children: new Map() }));
      child.count++;
      branch = child;
    }
  }
  const nodes: FolderNode[] = [];
  const walk = (branch: Branch, parents: string[]) => {
    for (const [name, child] of [...branch.children].sort(([a], [b]) => collator.compare(a, b))) {
      const path = [...parents, name];
      nodes.push({ path: path.join('/'), name, depth: parents.length, count: child.count });
      walk(child, path);
    }
  };
  walk(root, []);
  return nodes;
}

/** Whether `snippet` is in the folder `path` (as `folderTree` writes it) or below it. */
export function inFolder(snippet: Snippet, path: string): boolean {
  const own = folderPath(snippet.folder).join('/');
  return own === path || own.startsWith(`${path}/`);
}

/**
 * How long ago `then` was, in the largest unit that makes it at least one (minutes to years),
 * as a negative count for Intl.RelativeTimeFormat; under a minute is 0 minutes ("now").
 */
export function elapsed(then: number, now: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const minutes = Math.max(0, Math.floor((now - then) / 60_000));
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 525_600],
    ['month', 43_200],
    ['week', 10_080],
    ['day', 1_440],
    ['hour', 60],
  ];
  for (const [unit, size] of units) if (minutes >= size) return { value: -Math.floor(minutes / size), unit };
  return { value: -minutes, unit: 'minute' };
}
