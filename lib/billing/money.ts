/** Money is integer minor units everywhere; these two are the only doors in and out of text. */

export const TOPUP_MIN_MINOR = 500;
export const TOPUP_MAX_MINOR = 1_000_000;

/** "12.3" → 1230, "12" → 1200; null for anything that is not a plain amount with at most two decimals. */
export function parseMoneyToMinor(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? "").padEnd(2, "0"));
  const minor = whole * 100 + cents;
  return Number.isSafeInteger(minor) ? minor : null;
}

export function formatMinor(minor: number, currency = "USD"): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  const cents = String(abs % 100).padStart(2, "0");
  const symbol = currency === "USD" ? "$" : `${currency} `;
  return `${sign}${symbol}${whole}.${cents}`;
}
