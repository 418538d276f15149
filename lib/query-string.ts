/** A query string from the values that are set: filter forms, pagination and export links share it. */
export function queryString(values: Record<string, string | number | null | undefined>): string {
  return new URLSearchParams(
    Object.entries(values)
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== null && entry[1] !== "")
      .map(([key, value]) => [key, String(value)]),
  ).toString();
}
