// Only the detector: the importer proper lives in the 生成考核表 worker.
export { isRawIndicatorTable as isRawTable } from '../../src/import/rawTable.ts';
