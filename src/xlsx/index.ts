export { openXlsx, type XlsxBook } from './book';
export { XlsxRefusal, type RefusalCode } from './refusals';
