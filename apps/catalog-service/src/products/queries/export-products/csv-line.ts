/** One CSV line (RFC 4180): a field is quoted when it holds a comma, quote or line break. */
export function csvLine(values: string[]): string {
  return values
    .map((value) =>
      /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value,
    )
    .join(',');
}
