// Names in the menu come from the AWS config and the portal, so they are made safe to show:
// no control characters, a bounded length, and `&` doubled because Electron reads a single `&`
// as a mnemonic marker on Windows and Linux (and hides it).

/** Longer labels are cut with an ellipsis (a menu as wide as the screen helps nobody). */
export const maxLabelLength = 120;

/** Control characters (newlines, tabs, bidi overrides) collapsed to one space. */
export function plainText(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** At most `max` UTF-16 units, ending in "…" when cut, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Doubles `&` so Electron shows it instead of treating it as a mnemonic. */
export function escapeMnemonics(text: string): string {
  return text.replace(/&/g, '&&');
}

/** A label as Electron should receive it. */
export function menuLabel(text: string): string {
  return escapeMnemonics(truncate(plainText(text), maxLabelLength));
}

/** "4,990": thousands separated the same way on every machine (no locale lookup). */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
