import { isPlainFamily, type EditorFamily, type InsertPayload } from '@/protocol/messages';
import { placementOf } from '@/utils/editors/placement';
import { escapeHtml } from '@/utils/report/html-text';
import { sanitizeHtml } from '@/utils/sanitize';
import { hasFields, renderSnippet, snippetLanguage, usesClipboard, type IncludeProblem, type SnippetLookup } from '@/utils/snippets/fields';
import { hasMarkup } from '@/utils/snippets/record';
import type { Snippet } from '@/utils/db/schema';

/**
 * What goes into an editor of `family` for `snippet`, its fields written with `values` (their
 * defaults where left out): the formatting for rich editors, the text for plain ones, the caret
 * stops, and where it lands (a snippet of several paragraphs between the editor's paragraphs,
 * one inline). The panel's Snippets tab and the quick-insert box insert the same.
 */
export async function snippetContent(
  snippet: Snippet,
  values: Record<string, string>,
  family: EditorFamily | null,
  lookup: SnippetLookup,
): Promise<InsertPayload | { problem: IncludeProblem }> {
  const rich = family !== null && !isPlainFamily(family) && hasMarkup(snippet.html);
  let content: InsertPayload = rich ? { text: snippet.body, html: snippet.html! } : { text: snippet.body };
  if (hasFields(snippet.body) || (content.html && hasFields(content.html))) {
    const clipboard = usesClipboard(snippet.body, lookup) ? await readClipboard() : undefined;
    const context = { values, now: new Date(), language: snippetLanguage(snippet.body), clipboard, lookup, name: snippet.title };
    const written = renderSnippet({ body: content.text, html: content.html }, context, escapeHtml);
    if ('problem' in written) return written;
    content = { text: written.text, html: written.html, stops: written.stops.length ? written.stops : undefined };
  }
  if (content.html !== undefined) content.html = sanitizeHtml(content.html);
  return { ...content, placement: placementOf(content) };
}

/**
 * The clipboard's text for `{{clipboard}}`, asked for only now (an optional permission, granted
 * once); undefined when the user says no.
 */
async function readClipboard(): Promise<string | undefined> {
  try {
    if (!(await browser.permissions.request({ permissions: ['clipboardRead'] }))) return undefined;
    return await navigator.clipboard.readText();
  } catch {
    return undefined;
  }
}
