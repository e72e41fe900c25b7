/** Features that exist in the UI but can be hidden while their back end is not ready. */
export const FEATURES = {
  /** 生成考核表: import the active sheet's indicator table into 考核表 sheets (addin/host/generateSheets.ts). */
  generateSheets: true,
} as const;
