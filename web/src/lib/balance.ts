import type { Balance, Currency, Money } from "../api/types";
import { formatMoney, parseAmountToCents } from "./money";

/** The least that may be withdrawn at once: 5.00. */
export const MIN_WITHDRAWAL_CENTS = 500;

export type ParsedWithdrawal = { ok: true; amount: Money } | { ok: false; error: string };

/**
 * Checks a typed withdrawal amount before it is sent: at least 5.00 and at
 * most what is available in its currency. The server checks both again.
 */
export function parseWithdrawal(input: string, available: Money): ParsedWithdrawal {
  const parsed = parseAmountToCents(input);
  if (!parsed.ok) return parsed;
  if (parsed.cents === null) return { ok: false, error: "Enter the amount to withdraw." };
  const amount = { amount: parsed.cents, currency: available.currency };
  if (parsed.cents < MIN_WITHDRAWAL_CENTS) {
    return { ok: false, error: `The least you can withdraw is ${formatMoney({ amount: MIN_WITHDRAWAL_CENTS, currency: available.currency })}.` };
  }
  if (parsed.cents > available.amount) return { ok: false, error: `You have ${formatMoney(available)} available.` };
  return { ok: true, amount };
}

/** The currencies the caller holds money in, available or pending; US dollars when none. */
export function balanceCurrencies(balance: Balance): Currency[] {
  const currencies = [...balance.available, ...balance.pending].map((money) => money.currency);
  return currencies.length > 0 ? [...new Set(currencies)] : ["usd"];
}

/** The amount in `currency` among `amounts`, zero when absent. */
export function amountIn(amounts: Money[], currency: Currency): Money {
  return amounts.find((money) => money.currency === currency) ?? { amount: 0, currency };
}

/** The first days of the month eleven months before `today`'s and of `today`'s (UTC): the last 12 months. */
export function lastTwelveMonths(today: Date = new Date()): { from: string; to: string } {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const first = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  return { from: first(year, month - 11), to: first(year, month) };
}
