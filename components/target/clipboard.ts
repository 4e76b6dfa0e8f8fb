import type { InsertPayload } from '@/protocol/messages';

/**
 * Puts `content` on the clipboard, formatted (its HTML, already sanitized) and as plain text,
 * for the user to paste where the extension could not write. False when the browser refuses.
 */
export async function copyToClipboard(content: InsertPayload): Promise<boolean> {
  try {
    const parts: Record<string, Blob> = { 'text/plain': new Blob([content.text], { type: 'text/plain' }) };
    if (content.html) parts['text/html'] = new Blob([content.html], { type: 'text/html' });
    await navigator.clipboard.write([new ClipboardItem(parts)]);
    return true;
  } catch {
    try {
      await navigator.clipboard.writeText(content.text);
      return true;
    } catch {
      return false;
    }
  }
}
