// Only the detector: the importer proper lives in the 生成考核表 worker.
export { isRawIndicatorWorkbook } from '../../src/import/rawTable.ts';
