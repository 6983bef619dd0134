import { useQuery } from "@tanstack/react-query";
import { checkoutQuery } from "../pages/moneyQueries";

/** The server's checkout configuration; `enabled: false` holds the request back until it is needed. */
export function useCheckout({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...checkoutQuery(), enabled });
}
