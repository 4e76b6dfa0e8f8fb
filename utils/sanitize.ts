/**
 * Snippet and template HTML is sanitized in the panel before it reaches any page: only the
 * structure a report needs (headings, paragraphs, lists, tables, emphasis, links) survives;
 * scripts, event handlers, styles, frames and forms do not.
 */
import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { trimBlankEdges } from './editors/selected-content';

const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'div', 'span', 'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'b', 'em', 'i', 'u',
  's', 'sub', 'sup', 'a', 'hr',
];
const ALLOWED_ATTR = ['href', 'colspan', 'rowspan'];

/**
 * A DOMPurify of its own, configured once: parsing the configuration on every call costs about a
 * quarter of sanitizing a short snippet, which adds up over a backup of thousands.
 */
let purifier: Purifier | null = null;

function configuredPurifier(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.setConfig({
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    // Values of other attributes are checked against the URI pattern unless declared safe.
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan'],
    // The clean tree, so that its empty ends are trimmed without parsing it again.
    RETURN_DOM: true,
  });
  return purifier;
}

/**
 * Clean HTML, without empty blocks (`<p><br></p>`, `<p>&nbsp;</p>`) at its ends: a selection
 * saved with a triple click holds one, and every insertion would add it to the document.
 */
export function sanitizeHtml(html: string): string {
  // Without a DOM (a service worker) DOMPurify hands the HTML back unchanged: refuse instead.
  if (!DOMPurify.isSupported) throw new Error('No DOM to sanitize HTML in.');
  const body = configuredPurifier().sanitize(html) as unknown as HTMLElement;
  trimBlankEdges(body);
  return body.innerHTML;
}
