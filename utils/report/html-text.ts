/** Plain text written into HTML. Pure: the one escaper of the extension. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as HTML that shows exactly that text, in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"]/g, (c) => ENTITIES[c]);
}

/**
 * Plain text for editors that only take HTML: escaped, lines broken with <br> so the text stays
 * where the caret is (paragraphs would nest inside the caret's paragraph in KindEditor).
 */
export function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}
