import { readSeedText } from '../import/seedText';
import type { ImportedWorkbook } from '../import/model';
import { sampleData } from './sample';
import { buildTemplateWorkbook } from './workbook';

export const TEMPLATE_FILE = 'guangyuan-2014.xlsx';
export const SAMPLE_FILE = 'guangyuan-2014-sample.xlsx';

/** The seed as the templates carry it: every clause of every item, in a row of its own. */
export function readSeedForTemplates(seedText: string): ImportedWorkbook {
  return readSeedText(seedText, { clauses: true });
}

/** npm run templates: the blank template and the sample file, both with the example 等次标准. */
export async function buildSeedTemplates(seedText: string): Promise<{ imported: ImportedWorkbook; files: [string, Uint8Array][] }> {
  const imported = readSeedForTemplates(seedText);
  const options = { gradeExample: true };
  return {
    imported,
    files: [
      [TEMPLATE_FILE, await buildTemplateWorkbook(imported, undefined, options)],
      [SAMPLE_FILE, await buildTemplateWorkbook(imported, sampleData(imported), options)],
    ],
  };
}
