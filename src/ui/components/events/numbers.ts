// Numbers typed in the panel's fields (a comma is a decimal point too), and metres shown as km.
export const km = (m: number) => m / 1000;

export function parseNumber(s: string): number | null {
  const v = Number(s.trim().replace(',', '.'));
  return s.trim() !== '' && Number.isFinite(v) ? v : null;
}
