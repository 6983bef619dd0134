import type { QueryClient } from "@tanstack/react-query";
import { getDispute, listDisputes } from "../api/disputes";
import { refreshMoney } from "./moneyQueries";

export const disputeQuery = (id: string) => ({
  queryKey: ["disputes", id] as const,
  queryFn: () => getDispute(id),
});

/** The caller's disputes on one contract, from the newest page of all of theirs. */
export const contractDisputesQuery = (contractId: string) => ({
  queryKey: ["disputes", "contract", contractId] as const,
  queryFn: async () => (await listDisputes()).items.filter((dispute) => dispute.contract_id === contractId),
});

/** After a dispute changed: disputes everywhere, and the money it holds or freed. */
export function refreshDisputes(queryClient: QueryClient) {
  for (const key of ["disputes", "admin"]) void queryClient.invalidateQueries({ queryKey: [key] });
  refreshMoney(queryClient);
}
