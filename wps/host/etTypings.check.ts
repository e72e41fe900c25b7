// Compile-time only: Kingsoft's ET typings (et-jsapi-declare) must satisfy the narrow shapes in et.ts, so that a
// member the host relies on that WPS does not document fails `tsc`. Nothing here is bundled.
/// <reference types="et-jsapi-declare" />
import type { EtApplication, EtRange, EtSheets, EtTaskPane, EtWorkbook, EtWorksheet } from './et.ts';

type Assignable<From extends To, To> = [From, To];

export type RangeFits = Assignable<Et.Range, EtRange>;
export type WorksheetFits = Assignable<Omit<Et.Worksheet, 'UsedRange' | 'Range'> & {
  readonly UsedRange: EtRange; Range(address: string): EtRange;
}, EtWorksheet>;
/** Item is typed Worksheet | Sheets (an array index gives Sheets); the host passes one index, so a Worksheet. */
export type SheetsFits = Assignable<{
  readonly Count: Et.Sheets['Count'];
  Item(index: number | string): Extract<ReturnType<Et.Sheets['Item']>, Et.Worksheet>;
  Add: Et.Sheets['Add'];
}, Omit<EtSheets, 'Item' | 'Add'> & { Item(index: number | string): Et.Worksheet; Add(before?: unknown, after?: unknown): Et.Worksheet }>;
export type WorkbookFits = Assignable<Pick<Et.Workbook, 'ProtectStructure'>, Pick<EtWorkbook, 'ProtectStructure'>>;
export type ActiveSheetFits = Assignable<Et.Worksheet, Pick<EtWorksheet, 'Name' | 'ProtectContents' | 'Visible' | 'Activate'>>;
export type TaskPaneFits = Assignable<WPS.CustomTaskpane, EtTaskPane>;
export type ApplicationFits = Assignable<Pick<WPSMergedRoot, 'ScreenUpdating' | 'CreateTaskPane' | 'PluginStorage'>,
  Pick<EtApplication, 'ScreenUpdating' | 'CreateTaskPane' | 'PluginStorage'>>;
export type ValueIsData = Assignable<Et.Range['Value2'], unknown>;
export type HasFormulaIsTriState = Assignable<Et.Range['HasFormula'], boolean | null>;
