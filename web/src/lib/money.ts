import type { Currency, Money } from "../api/types";

/** Hourly rates the server accepts: more than 0, at most 10,000.00. */
export const MAX_HOURLY_RATE_CENTS = 1_000_000;

/** "$1,234.50" for `{ amount: 123450, currency: "usd" }`. */
export function formatMoney(money: Money, locale = "en-US"): string {
  // amount / 100 is the double nearest the exact value, and two fraction
  // digits round it back exactly for any amount below 2^53 cents.
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: money.currency.toUpperCase(),
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(money.amount / 100);
}

/** "$12.00, €5.00" for amounts in several currencies; "—" for none. */
export function formatAmounts(amounts: Money[], locale = "en-US"): string {
  return amounts.length > 0 ? amounts.map((money) => formatMoney(money, locale)).join(", ") : "—";
}

/** "$85.50/hr". */
export function formatHourlyRate(money: Money, locale = "en-US"): string {
  return `${formatMoney(money, locale)}/hr`;
}

export type ParsedAmount = { ok: true; cents: number | null } | { ok: false; error: string };

const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses what a person types for an amount in major units ("85", "85.5",
 * "$1,234.56") into integer cents, without floating point. Blank is `null`.
 */
export function parseAmountToCents(input: string): ParsedAmount {
  const trimmed = input.trim().replace(/^\$\s*/, "");
  if (trimmed === "") return { ok: true, cents: null };
  const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed;
  const normalized = plain.endsWith(".") ? plain.slice(0, -1) : plain;
  const match = AMOUNT.exec(normalized.startsWith(".") ? `0${normalized}` : normalized);
  if (!match) {
    if (/^-/.test(trimmed)) return { ok: false, error: "Enter an amount greater than zero." };
    if (/^\d*\.\d{3,}$/.test(normalized)) return { ok: false, error: "Use at most two decimal places." };
    return { ok: false, error: "Enter an amount like 45 or 45.50." };
  }
  const [, whole, fraction = ""] = match;
  if (whole.length > 12) return { ok: false, error: "That amount is too large." };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return { ok: true, cents };
}

/** Parses an hourly rate and applies the server's bounds, for early feedback. */
export function parseHourlyRate(input: string): ParsedAmount {
  const parsed = parseAmountToCents(input);
  if (!parsed.ok || parsed.cents === null) return parsed;
  if (parsed.cents <= 0) return { ok: false, error: "Enter a rate greater than zero." };
  if (parsed.cents > MAX_HOURLY_RATE_CENTS) return { ok: false, error: "The highest rate is 10,000.00 an hour." };
  return parsed;
}

/** The text for an amount input: "85" for 8500, "85.50" for 8550. */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  const whole = Math.trunc(cents / 100);
  const fraction = Math.abs(cents % 100);
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, "0")}`;
}

export function currencyLabel(currency: Currency): string {
  return currency.toUpperCase();
}
