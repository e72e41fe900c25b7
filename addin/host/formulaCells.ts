/**
 * Whether a cell of an output run holds a formula, from its loaded `formulas` entry and the value read before:
 * a formula starts with "=" and is not its own value (text that merely starts with "=" reads back as itself).
 */
export const isUserFormula = (formula: unknown, value: unknown): boolean =>
  typeof formula === 'string' && formula.startsWith('=') && formula !== value;
