/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

export function formatTable(header: string[], rows: string[][], rightAligned: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i] - displayWidth(s));
    return rightAligned[i] ? fill + s : s + fill;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
