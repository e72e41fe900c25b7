/** data-testid for Fluent components, whose prop types do not list data-* attributes. */
export const testId = (id: string): object => ({ 'data-testid': id });
