/**
 * How long a session lasts, for people, to the nearest minute: "7 h 12 min", "9 min", "7 h",
 * "expired". The tray, the window and `sso-tray status` all say it the same way.
 */
export function timeLeft(expiresAtMs: number, nowMs: number): string {
  if (expiresAtMs <= nowMs) return 'expired';
  // At least a minute while it lasts: "0 min left" would read as expired.
  const minutes = Math.max(1, Math.round((expiresAtMs - nowMs) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
