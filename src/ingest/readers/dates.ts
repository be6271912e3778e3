// Publication dates as the model wants them (ISO 8601): a bare date stays a date; anything with
// a time becomes UTC, so dates from different sources sort and compare correctly.
export function isoDate(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
