import { a1 } from './address.ts';
import { formatHundredths, rational, toHundredths, type Rational } from './decimal.ts';
import type { HeaderMatch } from './headers.ts';
import { makeIssue } from './messages.ts';
import { cellText, isBlank } from './text.ts';
import type { CellValue, FormatGrid, Grid, Issue } from './types.ts';
import { fromFormattedPercent, onPercentScale, readNumber } from './values.ts';
import { PENDING_GRADE, type GradeColumn } from './vocabulary.ts';

/** One band of the 等次标准: a unit gets it with a total of at least `minimum`, while the quota has room. */
export interface GradeBand {
  name: string;
  /** Hundredths. */
  minimum: number;
  /** Share of the graded units that may have the grade (0..1), or null for no limit. */
  quota: Rational | null;
}

export interface GradeTable {
  sheet: string;
  /** Highest 最低分 first. Empty when the table has errors: then every unit's grade is pending. */
  bands: GradeBand[];
  issues: Issue[];
}

function readQuota(v: CellValue, format: string | null | undefined): Rational | null | 'bad' {
  if (isBlank(v)) return null;
  let share: Rational;
  if (typeof v === 'number' && format === 'percent') share = fromFormattedPercent(v);
  else {
    const n = readNumber(v);
    if (!n.ok) return 'bad';
    share = onPercentScale(n, true);
  }
  if (rational.isNegative(share) || rational.cmp(share, rational.int(100)) > 0) return 'bad';
  return rational.div(share, rational.int(100));
}

/** Reads the bands of a 等次标准 sheet; any error in it leaves no band, so no unit is graded on a wrong table. */
export function readGradeTable(sheet: string, grid: Grid, header: HeaderMatch<GradeColumn>, formats?: FormatGrid): GradeTable {
  const col = header.columns;
  const issues: Issue[] = [];
  const bands: GradeBand[] = [];
  for (let r = header.row + 1; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    const at = (k: GradeColumn): CellValue => (col[k] === undefined ? null : row[col[k]!] ?? null);
    const name = cellText(at('grade')).trim();
    const minCell = at('minimum');
    const quotaCell = at('quota');
    if (name === '' && isBlank(minCell) && isBlank(quotaCell)) continue;
    if (name === '') {
      issues.push(makeIssue(sheet, a1(r, col.grade!), 'error', 'grade-name-missing'));
      continue;
    }
    const min = readNumber(minCell, '分');
    if (!min.ok || min.percent || rational.isNegative(min.value)) {
      const reason = !min.ok ? min.reason : min.percent ? 'percent' : 'negative';
      issues.push(makeIssue(sheet, a1(r, col.minimum!), 'error', 'grade-minimum-unreadable', { grade: name, value: cellText(minCell), reason }));
      continue;
    }
    const quota = col.quota === undefined ? null : readQuota(quotaCell, formats?.[r]?.[col.quota]);
    if (quota === 'bad') {
      issues.push(makeIssue(sheet, a1(r, col.quota!), 'error', 'grade-quota-unreadable', { grade: name, value: cellText(quotaCell) }));
      continue;
    }
    const minimum = toHundredths(min.value);
    const twin = bands.find((b) => b.minimum === minimum);
    if (twin) {
      issues.push(makeIssue(sheet, a1(r, col.minimum!), 'error', 'grade-duplicate', { grade: name, other: twin.name, minimum: formatHundredths(minimum) }));
      continue;
    }
    bands.push({ name, minimum, quota });
  }
  if (issues.length === 0 && bands.length === 0) issues.push(makeIssue(sheet, '', 'error', 'grades-empty', { sheet }));
  else if (issues.length > 0) issues.push(makeIssue(sheet, '', 'error', 'grades-invalid', { sheet }));
  bands.sort((a, b) => b.minimum - a.minimum);
  return { sheet, bands: issues.length > 0 ? [] : bands, issues };
}

export interface GradedUnit {
  /** Hundredths, or null when the unit could not be scored. */
  total: number | null;
  errors: number;
  vetoed: boolean;
}

/**
 * 等次 per unit, in the units' order. Units are taken in rank order; a tied group that would overflow a grade's
 * quota takes the next grade down, and that grade is then closed to every unit below (a lower total never takes
 * a grade a higher one was refused). Units with errors are pending and take no place in any quota; a veto gives
 * the lowest grade whatever the total. The quota is floor(N × 比例上限), N = units with a total.
 * A total below every band gets null.
 */
export function assignGrades(units: GradedUnit[], bands: GradeBand[]): (string | null)[] {
  const grades: (string | null)[] = units.map(() => null);
  if (bands.length === 0) return units.map(() => PENDING_GRADE);
  const lowest = bands[bands.length - 1].name;
  const counted = units.filter((u) => u.total !== null).length;
  const ranked: number[] = [];
  units.forEach((u, i) => {
    if (u.total === null) grades[i] = PENDING_GRADE;
    else if (u.vetoed) grades[i] = lowest;
    else if (u.errors > 0) grades[i] = PENDING_GRADE;
    else ranked.push(i);
  });
  ranked.sort((a, b) => units[b].total! - units[a].total!);

  let band = 0;
  let used = 0;
  for (let start = 0; start < ranked.length;) {
    const total = units[ranked[start]].total!;
    let end = start;
    while (end < ranked.length && units[ranked[end]].total === total) end++;
    const size = end - start;
    while (band < bands.length) {
      const b = bands[band];
      const room = b.quota === null ? Infinity : floorShare(counted, b.quota) - used;
      if (total >= b.minimum && size <= room) break;
      band++;
      used = 0;
    }
    if (band < bands.length) {
      for (let k = start; k < end; k++) grades[ranked[k]] = bands[band].name;
      used += size;
    }
    start = end;
  }
  return grades;
}

/** floor(n × share), exactly. */
function floorShare(n: number, share: Rational): number {
  const x = rational.mul(rational.int(n), share);
  // toHundredths rounds; floor of a non-negative rational from its hundredths is exact enough only when it is
  // not within 1/100 of an integer, so compare the product with the candidate integers instead.
  let k = Math.floor(toHundredths(x) / 100);
  while (rational.cmp(rational.int(k + 1), x) <= 0) k++;
  while (k > 0 && rational.cmp(rational.int(k), x) > 0) k--;
  return k;
}
