/** A date serial of the 1900 date system as yyyy-mm-dd (serial 1 is 1900-01-01; Excel counts a 29 Feb 1900 that never was). */
export function serialToDate(serial: number): string {
  const days = Math.floor(serial) - (serial >= 61 ? 25569 : 25568);
  const d = new Date(days * 86_400_000);
  return d.toISOString().slice(0, 10);
}
