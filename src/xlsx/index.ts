export { openXlsx, type XlsxBook, type OpenOptions } from './book';
export { fflateCodec, type DeflateCodec } from './codec';
export { XlsxRefusal, refusalText, type RefusalCode } from './refusals';
