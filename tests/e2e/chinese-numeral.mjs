/** 1 → 一, 12 → 十二, 2000 → 二千: written for the tests and benchmarks, not by the code under test. */
export function chineseNumeral(n) {
  const digits = '零一二三四五六七八九';
  const units = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [size, unit] of units) {
    const d = Math.floor(rest / size);
    rest %= size;
    if (d) {
      if (zero) out += '零';
      out += (d === 1 && size === 10 && !out ? '' : digits[d]) + unit;
      zero = false;
    } else if (out) zero = true;
  }
  if (rest) out += (zero ? '零' : '') + digits[rest];
  return out;
}
