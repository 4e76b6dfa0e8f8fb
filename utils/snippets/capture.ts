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
  // Sanitizing trims empty blocks off the ends (a triple click takes the next paragraph's
  // start): what is left may be bare text.
  const clean = hasMarkup(content.html) ? await sanitize(content.html) : undefined;
  const html = hasMarkup(clean) ? clean : undefined;
  const snippet = newSnippet({ body, html }, newId(), now);
  await db.snippets.add(snippet);
  return snippet;
}
