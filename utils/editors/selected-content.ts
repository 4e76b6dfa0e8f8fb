/**
 * What the user selected in the page, for saving as a snippet, and the text just before the
 * caret, for abbreviations. The HTML is the page's own markup: the panel or the background
 * sanitizes it before it is kept.
 */

/** The markup a range covers. */
export function rangeHtml(range: Range): string {
  const box = document.createElement('div');
  box.append(range.cloneContents());
  return box.innerHTML;
}

/**
 * The text before a collapsed caret in `root`, as far as is cheap to read on every keystroke:
 * a text field's value, or the caret's own text node in a rich editor; '' otherwise.
 */
export function textBeforeCaret(root: HTMLElement): string {
  const field = root as HTMLTextAreaElement;
  if ('selectionStart' in field) return field.selectionStart === field.selectionEnd ? field.value.slice(0, field.selectionStart) : '';
  const selection = getSelection()!;
  const node = selection.focusNode;
  return selection.isCollapsed && node instanceof Text ? node.data.slice(0, selection.focusOffset) : '';
}
