import type { QueryClient } from "@tanstack/react-query";
import { getBalance, getMonthly } from "../api/balance";
import { listInvoices } from "../api/invoices";
import { getCheckout } from "../api/payments";

export const balanceQuery = () => ({
  queryKey: ["balance"] as const,
  queryFn: getBalance,
});

/** Earned and spent per month, from `from` to `to` (first days of months). */
export const monthlyQuery = (from: string, to: string) => ({
  queryKey: ["balance", "monthly", from, to] as const,
  queryFn: () => getMonthly(from, to),
});

/** The newest hundred of the caller's invoices for one contract. */
export const contractInvoicesQuery = (contractId: string) => ({
  queryKey: ["invoices", "contract", contractId] as const,
  queryFn: async () => (await listInvoices({ contract_id: contractId, limit: 100 })).items,
});

/** After money moved: contracts, balances and invoices are read again. */
export function refreshMoney(queryClient: QueryClient) {
  for (const key of ["contracts", "balance", "invoices"]) void queryClient.invalidateQueries({ queryKey: [key] });
}

/** How the browser pays: the provider and its public keys, which change only with the server's configuration. */
export const checkoutQuery = () => ({
  queryKey: ["checkout"] as const,
  queryFn: getCheckout,
  staleTime: 60 * 60_000,
});
