import { api, unwrap } from "./client";
import type { DashboardView, PlatformMetrics } from "./types";

/** The caller's own figures: as a freelancer, as a client, or both. */
export function getDashboard(): Promise<DashboardView> {
  return unwrap(api.GET("/api/dashboard"));
}

/** The platform's figures from `from` (included) to `to` (excluded), both instants; admins only. */
export function getPlatformMetrics(from: string, to: string): Promise<PlatformMetrics> {
  return unwrap(api.GET("/api/admin/metrics", { params: { query: { from, to } } }));
}
