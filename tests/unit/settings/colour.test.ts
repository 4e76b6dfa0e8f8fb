import { describe, expect, it } from 'vitest';
import { DEFAULT_HIGHLIGHT_COLOURS, normaliseColours, parseColour } from '@/utils/settings/colour';

const ok = (colour: string) => ({ ok: true, colour });
const refused = (problem: string) => ({ ok: false, problem });

describe('parseColour', () => {
  it('reads hex colours with and without alpha', () => {
    expect(parseColour('#ffc400')).toEqual(ok('rgba(255, 196, 0, 1)'));
    expect(parseColour('#FC0')).toEqual(ok('rgba(255, 204, 0, 1)'));
    expect(parseColour('#ffc40080')).toEqual(ok('rgba(255, 196, 0, 0.502)'));
    expect(parseColour('  #f008 ')).toEqual(ok('rgba(255, 0, 0, 0.533)'));
  });

  it('reads rgb() and rgba() in comma and space syntax, with numbers and percentages', () => {
    expect(parseColour('rgba(255, 196, 0, .35)')).toEqual(ok('rgba(255, 196, 0, 0.35)'));
    expect(parseColour('rgb(255 196 0 / 35%)')).toEqual(ok('rgba(255, 196, 0, 0.35)'));
    expect(parseColour('RGB(100%, 0%, 50%)')).toEqual(ok('rgba(255, 0, 128, 1)'));
  });

  it('reads hsl() and hsla(), hue in degrees wrapping around', () => {
    expect(parseColour('hsl(0 100% 50%)')).toEqual(ok('rgba(255, 0, 0, 1)'));
    expect(parseColour('hsla(120, 100%, 25%, 0.5)')).toEqual(ok('rgba(0, 128, 0, 0.5)'));
    expect(parseColour('hsl(480deg 100% 50% / 50%)')).toEqual(ok('rgba(0, 255, 0, 0.5)'));
  });

  it('refuses what is not a colour', () => {
    for (const bad of ['', 'yellowish', '#ggg', '#12345', 'rgb(1, 2)', 'rgb(1 2 3 4)', 'rgb(a, b, c)', 'rgb(1, 2, 3', 'rgb(1 2 3 / )', 'url(x)', 'red;} body{display:none']) {
      expect(parseColour(bad)).toEqual(refused('unparsable'));
    }
  });

  it('refuses values a browser would clamp quietly', () => {
    expect(parseColour('rgb(300, 0, 0)')).toEqual(refused('out-of-range'));
    expect(parseColour('rgb(-1 0 0)')).toEqual(refused('out-of-range'));
    expect(parseColour('rgba(0, 0, 0, 1.5)')).toEqual(refused('out-of-range'));
    expect(parseColour('rgb(0 0 0 / 120%)')).toEqual(refused('out-of-range'));
    expect(parseColour('hsl(0 120% 50%)')).toEqual(refused('out-of-range'));
  });

  it('refuses a colour that would hide the highlights', () => {
    expect(parseColour('#ffc40000')).toEqual(refused('invisible'));
    expect(parseColour('rgba(255, 0, 0, 0)')).toEqual(refused('invisible'));
  });
});

describe('normaliseColours', () => {
  it('keeps valid stored colours and puts defaults in place of anything else', () => {
    expect(normaliseColours({ all: '#00ff0080', current: 'bogus' })).toEqual({
      all: 'rgba(0, 255, 0, 0.502)',
      current: DEFAULT_HIGHLIGHT_COLOURS.current,
    });
    expect(normaliseColours(undefined)).toEqual(DEFAULT_HIGHLIGHT_COLOURS);
    expect(normaliseColours('text')).toEqual(DEFAULT_HIGHLIGHT_COLOURS);
    expect(normaliseColours({ all: 7 })).toEqual(DEFAULT_HIGHLIGHT_COLOURS);
  });

  it('has defaults that parse to themselves', () => {
    expect(parseColour(DEFAULT_HIGHLIGHT_COLOURS.all)).toEqual(ok(DEFAULT_HIGHLIGHT_COLOURS.all));
    expect(parseColour(DEFAULT_HIGHLIGHT_COLOURS.current)).toEqual(ok(DEFAULT_HIGHLIGHT_COLOURS.current));
  });
});
