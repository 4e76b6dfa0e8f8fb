/**
 * Snippet and template HTML is sanitized in the panel before it reaches any page: only the
 * structure a report needs (headings, paragraphs, lists, tables, emphasis, links) survives;
 * scripts, event handlers, styles, frames and forms do not.
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'div', 'span', 'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'b', 'em', 'i', 'u',
  's', 'sub', 'sup', 'a', 'hr',
];
const ALLOWED_ATTR = ['href', 'colspan', 'rowspan'];

export function sanitizeHtml(html: string): string {
  // Without a DOM (a service worker) DOMPurify hands the HTML back unchanged: refuse instead.
  if (!DOMPurify.isSupported) throw new Error('No DOM to sanitize HTML in.');
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    // Values of other attributes are checked against the URI pattern unless declared safe.
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan'],
  });
}
