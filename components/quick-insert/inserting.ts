// What the quick-insert box needs only to insert, loaded apart from what it needs to show results.
export { FieldsForm, includeProblemText } from '../snippets/FieldsForm';
export { snippetContent } from '../snippets/snippet-content';
export { renderSections } from '@/utils/report/templates';
export { sanitizeHtml } from '@/utils/sanitize';
