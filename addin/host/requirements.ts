/** Whether the host implements an API set, e.g. supports('ExcelApi', '1.2'). */
export type Supports = (set: string, version: string) => boolean;

export const officeSupports: Supports = (set, version) =>
  typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(set, version) === true;
