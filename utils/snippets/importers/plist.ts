/**
 * Apple's XML property lists (`<plist><dict><key>…`), as TextExpander writes its snippet groups.
 * A small reader of its own, so that it runs where there is no DOM. Pure.
 */
import { decodeEntities } from './common';

export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

/** A refusal says where the file stops making sense, and whether it simply ends too early. */
export type PlistResult = { ok: true; value: PlistValue } | { ok: false; cutShort: boolean; at: number };

const TAG = /<(\/?)([a-zA-Z]+)(?:\s[^>]*?)?(\/?)>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/gy;

class PlistError extends Error {
  constructor(
    readonly at: number,
    readonly cutShort = false,
  ) {
    super(cutShort ? 'cut short' : `damaged at ${at}`);
  }
}

/** Reads an XML property list; anything not as Apple writes it is refused with what was wrong. */
export function parsePlist(text: string): PlistResult {
  const source = text.replace(/^\uFEFF/, '');
  let at = 0;
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at])) at++;
  };
  /** The next tag, skipping declarations and comments. */
  const nextTag = (): { close: boolean; name: string; empty: boolean } => {
    for (;;) {
      skipSpace();
      TAG.lastIndex = at;
      const match = TAG.exec(source);
      // A file that ends inside a tag, or before its last one, was cut short.
      if (!match) throw new PlistError(at, at >= source.length || !source.includes('>', at));
      at = TAG.lastIndex;
      if (match[2]) return { close: match[1] === '/', name: match[2], empty: match[3] === '/' };
    }
  };
  const textUntil = (name: string): string => {
    const end = source.indexOf(`</${name}>`, at);
    if (end < 0) throw new PlistError(at, true);
    const raw = source.slice(at, end);
    if (raw.includes('<')) throw new PlistError(at);
    at = end + name.length + 3;
    return decodeEntities(raw);
  };
  const value = (tag: { close: boolean; name: string; empty: boolean }, depth: number): PlistValue => {
    if (depth > 64) throw new PlistError(at);
    if (tag.close) throw new PlistError(at);
    switch (tag.name) {
      case 'string':
      case 'date':
      case 'data':
        return tag.empty ? '' : textUntil(tag.name);
      case 'integer':
      case 'real': {
        const number = Number(textUntil(tag.name).trim());
        if (!Number.isFinite(number)) throw new PlistError(at);
        return number;
      }
      case 'true':
      case 'false':
        if (!tag.empty) {
          const close = nextTag();
          if (!close.close || close.name !== tag.name) throw new PlistError(at);
        }
        return tag.name === 'true';
      case 'array': {
        const items: PlistValue[] = [];
        if (tag.empty) return items;
        for (;;) {
          const next = nextTag();
          if (next.close && next.name === 'array') return items;
          items.push(value(next, depth + 1));
        }
      }
      case 'dict': {
        const dict: { [key: string]: PlistValue } = {};
        if (tag.empty) return dict;
        for (;;) {
          const next = nextTag();
          if (next.close && next.name === 'dict') return dict;
          if (next.name !== 'key' || next.close) throw new PlistError(at);
          const key = textUntil('key');
          dict[key] = value(nextTag(), depth + 1);
        }
      }
      default:
        throw new PlistError(at);
    }
  };
  try {
    const root = nextTag();
    if (root.name !== 'plist' || root.close) return { ok: false, cutShort: false, at: 0 };
    const result = value(nextTag(), 0);
    const end = nextTag();
    if (!end.close || end.name !== 'plist') return { ok: false, cutShort: false, at };
    return { ok: true, value: result };
  } catch (error) {
    if (error instanceof PlistError) return { ok: false, cutShort: error.cutShort, at: error.at };
    throw error;
  }
}
