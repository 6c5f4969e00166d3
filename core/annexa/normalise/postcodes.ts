/**
 * UK postcodes: outward code (area, district, optional sub-district letter), a space, inward code
 * (sector digit and two unit letters): `B1 1AA`, `SW1A 2AA`, `M60 1QD`. GIR 0AA is the one odd one.
 */
const SHAPE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/u;

/** `b11aa`, `B1  1AA` → `B1 1AA`; null when it is not shaped like a postcode (nothing is guessed). */
export function formatPostcode(text: string): string | null {
  const squashed = text.toUpperCase().replace(/\s+/gu, '');
  if (squashed === 'GIR0AA') return 'GIR 0AA';
  const m = SHAPE.exec(squashed);
  return m ? `${m[1]} ${m[2]}` : null;
}

/** True for a postcode as the template writes it. */
export function isPostcode(value: string): boolean {
  return formatPostcode(value) === value;
}
