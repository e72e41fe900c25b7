/** Why the add-in wrote nothing: the workbook cannot take the results without losing something of the user's. */
export interface Refusal {
  kind: 'protected-sheet' | 'protected-workbook' | 'formula';
  sheet: string;
  /** A1 address of the cell in the way, "" for a whole sheet or the workbook. */
  cell: string;
  message: { zh: string; en: string };
}

export function protectedSheet(sheet: string): Refusal {
  return {
    kind: 'protected-sheet', sheet, cell: '',
    message: {
      zh: `工作表“${sheet}”受保护，计分结果无法写入。请先撤销该工作表的保护（审阅 → 撤销工作表保护），再点“一键计分”。未写入任何内容。`,
      en: `Sheet “${sheet}” is protected, so the results cannot be written. Unprotect it (Review → Unprotect Sheet) and score again. Nothing was written.`,
    },
  };
}

export function protectedWorkbook(newSheet: string): Refusal {
  return {
    kind: 'protected-workbook', sheet: '', cell: '',
    message: {
      zh: `工作簿结构受保护，无法新建“${newSheet}”工作表。请先撤销工作簿保护（审阅 → 保护工作簿），再点“一键计分”。未写入任何内容。`,
      en: `The workbook's structure is protected, so the “${newSheet}” sheet cannot be added. Unprotect the workbook (Review → Protect Workbook) and score again. Nothing was written.`,
    },
  };
}

export function formulaInOutput(sheet: string, cell: string, more: number): Refusal {
  const others = more > 0 ? `（另有${more}个输出单元格也是公式）` : '';
  const othersEn = more > 0 ? ` (${more} more output cells hold formulas)` : '';
  return {
    kind: 'formula', sheet, cell,
    message: {
      zh: `工作表“${sheet}”的 ${cell} 是公式${others}，而计分结果要写在这里。请删除或移走这些公式，再点“一键计分”。未写入任何内容。`,
      en: `Cell ${cell} on sheet “${sheet}” holds a formula${othersEn} where a result goes. Remove or move the formulas and score again. Nothing was written.`,
    },
  };
}
