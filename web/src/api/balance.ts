import { api, unwrap } from "./client";
import type { Balance, Money, MonthFigures, Paged, Transaction, Withdrawal } from "./types";

type PageQuery = { cursor?: string; limit?: number };

/** The caller's available and pending money, per currency. */
export function getBalance(): Promise<Balance> {
  return unwrap(api.GET("/api/balance"));
}

/** The caller's money history, newest first. */
export function listTransactions(query: PageQuery = {}): Promise<Paged<Transaction>> {
  return unwrap(api.GET("/api/balance/transactions", { params: { query } }));
}

export function listWithdrawals(query: PageQuery = {}): Promise<Paged<Withdrawal>> {
  return unwrap(api.GET("/api/balance/withdrawals", { params: { query } }));
}

/** Pays `amount` of the available balance out; the key makes a retry safe. */
export function withdraw(amount: Money, idempotencyKey: string): Promise<Withdrawal> {
  return unwrap(
    api.POST("/api/balance/withdrawals", {
      params: { header: { "Idempotency-Key": idempotencyKey } },
      body: { amount },
    }),
  );
}

/** Where withdrawals go: a Stripe account (`acct_...`) or a PayPal e-mail address. */
export async function setPayoutDestination(destination: string): Promise<void> {
  await unwrap(api.PUT("/api/balance/payout-destination", { body: { destination } }));
}

/** Earned and spent per month, every month from `from` to `to` (dates in the first and last month). */
export function getMonthly(from: string, to: string): Promise<MonthFigures[]> {
  return unwrap(api.GET("/api/balance/monthly", { params: { query: { from, to } } }));
}
