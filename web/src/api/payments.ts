import { publicClient, unwrap } from "./client";
import type { Checkout } from "./types";

/** Which payment provider funds milestones, and the keys the browser needs for it. Public. */
export function getCheckout(): Promise<Checkout> {
  return unwrap(publicClient.GET("/api/payments/checkout"));
}
