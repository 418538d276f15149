/** A "contains" pattern for ILIKE in which what a person typed matches literally: its own % and _ are escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
