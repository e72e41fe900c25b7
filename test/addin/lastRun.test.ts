// The ribbon's last-run note belongs to the workbook it was made in, not to every workbook open in Excel.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLastRun, saveLastRun } from '../../addin/lastRun.ts';

const inWorkbook = (url: string) => vi.stubGlobal('Office', { context: { document: { url } } });

afterEach(() => vi.unstubAllGlobals());

describe('last-run note', () => {
  it('is kept per workbook', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    });
    inWorkbook('C:\\考核\\2024.xlsx');
    saveLastRun({ at: '2026-01-01T00:00:00Z', ok: false, message: { zh: '拒绝', en: 'refused' }, sheet: '苍溪县', cell: 'K3' });
    inWorkbook('C:\\考核\\2025.xlsx');
    expect(loadLastRun()).toBeNull();
    inWorkbook('C:\\考核\\2024.xlsx');
    expect(loadLastRun()).toMatchObject({ ok: false, sheet: '苍溪县', cell: 'K3' });
  });
});
