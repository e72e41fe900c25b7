import type { ImportedWorkbook } from '../../src/import/model';

/** Precision and recall of `actual` against `expected`, both lists of keys counted with multiplicity. */
export interface Accuracy {
  precision: number;
  recall: number;
  truePositives: number;
  expected: number;
  found: number;
  missed: string[];
  extra: string[];
}

export function accuracy(expected: readonly string[], actual: readonly string[]): Accuracy {
  const left = new Map<string, number>();
  for (const k of expected) left.set(k, (left.get(k) ?? 0) + 1);
  const extra: string[] = [];
  let tp = 0;
  for (const k of actual) {
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      tp++;
    } else {
      extra.push(k);
    }
  }
  const missed = [...left].flatMap(([k, n]) => new Array<string>(n).fill(k));
  return {
    precision: actual.length === 0 ? (expected.length === 0 ? 1 : 0) : tp / actual.length,
    recall: expected.length === 0 ? 1 : tp / expected.length,
    truePositives: tp,
    expected: expected.length,
    found: actual.length,
    missed,
    extra,
  };
}

export const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function describeAccuracy(name: string, a: Accuracy): string {
  return `${name}: precision ${percent(a.precision)} (${a.truePositives}/${a.found}), recall ${percent(a.recall)} (${a.truePositives}/${a.expected})`;
}

/** The item number a row's 考核内容 starts with ("2.新招募…" → 2), or null (重点工作 cells are not numbered). */
export function itemNo(content: string): number | null {
  const m = /^(\d{1,2})\s*[.．、]/.exec(content);
  return m ? Number(m[1]) : null;
}

export const targetKey = (unit: string, item: string, no: number | null, value: number, measure: string, comparator: string): string =>
  `${unit}|${item}|${no ?? '-'}|${value}|${measure}|${comparator}`;

/** One key per row with a numeric target. */
export function targetKeys(wb: ImportedWorkbook): string[] {
  return wb.units.flatMap((u) =>
    u.rows
      .filter((r) => typeof r.target === 'number')
      .map((r) => targetKey(u.unit, r.item, itemNo(r.content), r.target as number, r.measure, r.comparator)),
  );
}
