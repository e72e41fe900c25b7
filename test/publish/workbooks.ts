// Scored workbooks for the report tests, made from the sample: the real layout, scored by the xlsx host.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { manyUnitsWorkbook, sampleBytes } from '../web/workbooks.ts';

export const SAMPLE_UNITS = ['苍溪县', '旺苍县', '剑阁县', '青川县', '利州区', '昭化区', '朝天区', '广元经济技术开发区'];

const scored = (bytes: Uint8Array): Uint8Array => scoreXlsx(bytes).output!;

export const scoredSample = (): Uint8Array => scored(sampleBytes());
export const scoredManyUnits = (units: number): Uint8Array => scored(manyUnitsWorkbook(units));

/** The sample with its sheets renamed (old → new, applied at once, so two names can swap), print titles dropped. */
export function renamedSample(names: Record<string, string>): Uint8Array {
  const files = unzipSync(sampleBytes());
  const workbook = strFromU8(files['xl/workbook.xml'])
    .replace(/(<sheet [^>]*name=")([^"]+)(")/g, (_, a, name, b) => `${a}${names[name] ?? name}${b}`)
    .replace(/<definedNames>.*<\/definedNames>/s, '');
  files['xl/workbook.xml'] = strToU8(workbook);
  return zipSync(files);
}

/**
 * "Last year": the sample with 苍溪县 and 旺苍县 swapped (so each has the other's total) and 朝天区 named 旧区,
 * scored. Against this year's sample, 苍溪县 and 旺苍县 trade places, 朝天区 is new and 旧区 is gone.
 */
export const scoredLastYear = (): Uint8Array => scored(renamedSample({ 苍溪县: '旺苍县', 旺苍县: '苍溪县', 朝天区: '旧区' }));
