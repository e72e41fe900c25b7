const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const stem = (file: string) => file.replace(/\.xlsx$/i, '');

/** As the CLI names it: 2014年度考核.xlsx → 2014年度考核.scored.xlsx. */
export const scoredName = (file: string): string => `${stem(file)}.scored.xlsx`;

/** The generated assessment workbook: 指标.xlsx → 指标.考核表.xlsx. */
export const sheetsName = (file: string): string => `${stem(file)}.考核表.xlsx`;

/** A Blob URL for an <a download>; the caller revokes it when the link goes away. */
export const xlsxUrl = (bytes: Uint8Array): string => URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
