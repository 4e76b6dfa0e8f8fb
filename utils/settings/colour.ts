/**
 * Highlight colours the user types: hex, rgb() or hsl(), with or without alpha, checked and
 * written back in one form (`rgba(r, g, b, a)`) that every browser parses the same way. Values a
 * browser would quietly clamp (`rgb(300 0 0)`) are refused instead, so that what the user sees
 * is what they wrote. Pure: strings in, plain data out.
 */

export interface HighlightColours {
  /** Every placeholder. */
  all: string;
  /** The one the checklist is on. */
  current: string;
}

export const DEFAULT_HIGHLIGHT_COLOURS: HighlightColours = {
  all: 'rgba(255, 196, 0, 0.35)',
  current: 'rgba(255, 140, 0, 0.6)',
};

export type ColourProblem = 'unparsable' | 'out-of-range' | 'invisible';
export type ColourCheck = { ok: true; colour: string } | { ok: false; problem: ColourProblem };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/;

/** A number, or a percentage as a fraction of `percentOf`; NaN when neither. */
function readNumber(token: string, percentOf: number | null): number {
  if (token.endsWith('%')) {
    const body = token.slice(0, -1);
    return percentOf !== null && NUMBER.test(body) ? (Number(body) / 100) * percentOf : NaN;
  }
  return NUMBER.test(token) ? Number(token) : NaN;
}

/** `a, b, c[, d]` or `a b c[ / d]`: the colour's parts and its alpha, or null. */
function splitArguments(body: string): { parts: string[]; alpha?: string } | null {
  if (body.includes(',')) {
    const all = body.split(',').map((s) => s.trim());
    return all.length === 3 || all.length === 4 ? { parts: all.slice(0, 3), alpha: all[3] } : null;
  }
  const [main, alpha, extra] = body.split('/').map((s) => s.trim());
  if (extra !== undefined || alpha === '') return null;
  const parts = main.split(/\s+/);
  return parts.length === 3 ? { parts, alpha } : null;
}

function hslToRgb(hue: number, saturation: number, lightness: number): number[] {
  const h = ((hue % 360) + 360) % 360;
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    return (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255;
  };
  return [channel(0), channel(8), channel(4)];
}

const format = (rgb: number[], alpha: number): ColourCheck => {
  if (alpha === 0) return { ok: false, problem: 'invisible' };
  const [r, g, b] = rgb.map((c) => Math.round(c));
  return { ok: true, colour: `rgba(${r}, ${g}, ${b}, ${Math.round(alpha * 1000) / 1000})` };
};

const inRange = (value: number, max: number) => !Number.isNaN(value) && value >= 0 && value <= max;

function parseHex(hex: string): ColourCheck {
  if (!/^[0-9a-f]+$/.test(hex) || ![3, 4, 6, 8].includes(hex.length)) return { ok: false, problem: 'unparsable' };
  const digits = hex.length <= 4 ? [...hex].map((d) => d + d) : (hex.match(/../g) as string[]);
  const [r, g, b, a = 'ff'] = digits;
  return format([r, g, b].map((d) => parseInt(d, 16)), parseInt(a, 16) / 255);
}

function parseFunction(name: string, body: string): ColourCheck {
  const args = splitArguments(body);
  if (!args) return { ok: false, problem: 'unparsable' };
  const alpha = args.alpha === undefined ? 1 : readNumber(args.alpha, 1);
  if (Number.isNaN(alpha)) return { ok: false, problem: 'unparsable' };
  let values: number[];
  let limits: number[];
  if (name === 'rgb') {
    values = args.parts.map((p) => readNumber(p, 255));
    limits = [255, 255, 255];
  } else {
    const hue = readNumber(args.parts[0].replace(/deg$/, ''), null);
    values = [hue, ...args.parts.slice(1).map((p) => readNumber(p.endsWith('%') ? p : `${p}%`, 100))];
    limits = [Infinity, 100, 100];
  }
  if (values.some(Number.isNaN)) return { ok: false, problem: 'unparsable' };
  if (!values.every((v, i) => v >= (i === 0 && name === 'hsl' ? -Infinity : 0) && v <= limits[i]) || !inRange(alpha, 1)) {
    return { ok: false, problem: 'out-of-range' };
  }
  const rgb = name === 'rgb' ? values : hslToRgb(values[0], values[1] / 100, values[2] / 100);
  return format(rgb, alpha);
}

/** Checks a colour the user typed and gives it back as `rgba(r, g, b, a)`. */
export function parseColour(input: string): ColourCheck {
  const text = input.trim().toLowerCase();
  if (text.startsWith('#')) return parseHex(text.slice(1));
  const call = /^(rgba?|hsla?)\(([^()]*)\)$/.exec(text);
  if (!call) return { ok: false, problem: 'unparsable' };
  return parseFunction(call[1].slice(0, 3), call[2].trim());
}

/** Colours read back from storage: each one that is not a valid colour falls back to its default. */
export function normaliseColours(value: unknown): HighlightColours {
  const stored = value && typeof value === 'object' ? (value as Partial<Record<keyof HighlightColours, unknown>>) : {};
  const pick = (key: keyof HighlightColours) => {
    const raw = stored[key];
    const check = typeof raw === 'string' ? parseColour(raw) : null;
    return check?.ok ? check.colour : DEFAULT_HIGHLIGHT_COLOURS[key];
  };
  return { all: pick('all'), current: pick('current') };
}
