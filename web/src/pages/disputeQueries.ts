import type { QueryClient } from "@tanstack/react-query";
import { getDispute, listDisputes } from "../api/disputes";
import type { DisputeWithTimeline } from "../api/types";
import { refreshMoney } from "./moneyQueries";

export const disputeQuery = (id: string) => ({
  queryKey: ["disputes", id] as const,
  queryFn: () => getDispute(id),
});

/** The caller's disputes on one contract, the newest hundred (a contract rarely has more than a few). */
export const contractDisputesQuery = (contractId: string) => ({
  queryKey: ["disputes", "contract", contractId] as const,
  queryFn: async () => (await listDisputes({ contract_id: contractId, limit: 100 })).items,
});

/** After a dispute changed: disputes everywhere, and the money it holds or freed. */
export function refreshDisputes(queryClient: QueryClient) {
  for (const key of ["disputes", "admin"]) void queryClient.invalidateQueries({ queryKey: [key] });
  refreshMoney(queryClient);
}

/** A dispute as an action returned it: shown at once, while everything it touched is read again. */
export function showDispute(queryClient: QueryClient, dispute: DisputeWithTimeline) {
  queryClient.setQueryData(disputeQuery(dispute.id).queryKey, dispute);
  refreshDisputes(queryClient);
}
