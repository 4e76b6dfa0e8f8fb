export function chineseNumeral(n: number): string;
