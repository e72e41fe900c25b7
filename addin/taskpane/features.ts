/** Features that exist in the UI but stay hidden until their back end lands. */
export const FEATURES = {
  /** 生成考核表: waits for the importer (src/import) to be wired to Office.js. */
  generateSheets: false,
} as const;
