/** "7 h 12 min", "9 min", "expired": how long a session lasts, for people (to the nearest minute). */
export function timeLeft(expiresAtMs: number, nowMs: number): string {
  if (expiresAtMs <= nowMs) return 'expired';
  const minutes = Math.round((expiresAtMs - nowMs) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
