import { newId, type ReportDatabase } from '../db/database';
import type { Snippet } from '../db/schema';
import type { SelectedContent } from '../../protocol/messages';
import { hasMarkup, newSnippet } from './record';

/**
 * Saves selected page content as a new snippet: the text as its body, the HTML (sanitized)
 * when the selection had formatting. Null when nothing but whitespace was selected.
 */
export async function saveSelectionAsSnippet(
  db: ReportDatabase,
  content: SelectedContent,
  sanitize: (html: string) => Promise<string>,
  now = Date.now(),
): Promise<Snippet | null> {
  const body = content.text.trim();
  if (!body) return null;
  const html = hasMarkup(content.html) ? await sanitize(content.html) : undefined;
  const snippet = newSnippet({ body, html }, newId(), now);
  await db.snippets.add(snippet);
  return snippet;
}
