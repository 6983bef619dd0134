import type { Money } from "../api/types";

/**
 * The marketplace fee the client pays on top of a milestone, in basis points
 * (500 = 5%). The API does not say what it is, yet a PayPal order is created
 * in the browser and the server only accepts one for exactly the milestone
 * plus this fee; keep it in step with the server's `client_fee_bps`.
 */
export const CLIENT_FEE_BPS = 500;

/**
 * What funding `amount` charges the client: the amount plus the client fee,
 * the fee rounded half up to the cent as the server rounds it. Integer cents
 * throughout (exact below 2^53 / 10,000 cents, far above any milestone).
 */
export function clientCharge(amount: Money, feeBps = CLIENT_FEE_BPS): Money {
  const fee = Math.floor((amount.amount * feeBps + 5_000) / 10_000);
  return { amount: amount.amount + fee, currency: amount.currency };
}

/** Cents as a payment provider writes them: 21000 -> "210.00", 5 -> "0.05". */
export function decimalAmount(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, "0")}`;
}
