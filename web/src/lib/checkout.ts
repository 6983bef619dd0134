import type { Money } from "../api/types";

/**
 * What funding `amount` charges the client: the amount plus the client fee
 * (`feeBps` basis points, as `GET /api/payments/checkout` states it), the fee
 * rounded half up to the cent as the server rounds it. A PayPal order is
 * created in the browser and the server only accepts one for exactly this.
 * Integer cents throughout (exact below 2^53 / 10,000 cents, far above any
 * milestone).
 */
export function clientCharge(amount: Money, feeBps: number): Money {
  const fee = Math.floor((amount.amount * feeBps + 5_000) / 10_000);
  return { amount: amount.amount + fee, currency: amount.currency };
}

/** Cents as a payment provider writes them: 21000 -> "210.00", 5 -> "0.05". */
export function decimalAmount(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, "0")}`;
}
