import { listContracts } from "../api/contracts";
import { getDashboard, getPlatformMetrics } from "../api/dashboard";

/** The caller's figures; read again with money (under "balance") when money moves. */
export const dashboardQuery = () => ({
  queryKey: ["balance", "dashboard"] as const,
  queryFn: getDashboard,
});

/** The caller's active contracts, from the newest hundred of their contracts. */
export const activeContractsQuery = () => ({
  queryKey: ["contracts", "active"] as const,
  queryFn: async () => (await listContracts({ limit: 100 })).items.filter((contract) => contract.status === "active"),
});

/** The platform's figures between two instants (admins only). */
export const platformMetricsQuery = (from: string, to: string) => ({
  queryKey: ["admin", "metrics", from, to] as const,
  queryFn: () => getPlatformMetrics(from, to),
});
