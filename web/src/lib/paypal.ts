import type { Currency } from "../api/types";
import { loadScript } from "./loadScript";

/*
 * The few calls of PayPal's JavaScript SDK the fund panel makes, typed here
 * rather than bundling PayPal's packages: the SDK is loaded from PayPal at
 * run time, and only when the server's payment provider is PayPal.
 */

export interface PaypalOrder {
  purchase_units: { amount: { value: string; currency_code: string } }[];
}

export interface PaypalActions {
  order: { create(order: PaypalOrder): Promise<string> };
}

export interface PaypalButtonsOptions {
  /** Creates the order in the browser; resolves to its id. */
  createOrder(data: Record<string, unknown>, actions: PaypalActions): Promise<string>;
  /** The payer approved the order in PayPal's window. */
  onApprove(data: { orderID: string }): Promise<void> | void;
  onError?(error: unknown): void;
  style?: { layout?: "vertical" | "horizontal"; label?: string; tagline?: boolean };
}

export interface PaypalButtons {
  render(container: HTMLElement): Promise<void>;
  close(): Promise<void>;
}

export interface Paypal {
  Buttons(options: PaypalButtonsOptions): PaypalButtons;
}

/**
 * Each currency gets an SDK of its own (the SDK is loaded for one currency),
 * under its own global: `window.paypal_usd`, `window.paypal_eur`, …
 */
export function paypalNamespace(currency: Currency): `paypal_${Currency}` {
  return `paypal_${currency}`;
}

export function paypalSdkUrl(clientId: string, currency: Currency): string {
  const query = new URLSearchParams({ "client-id": clientId, currency: currency.toUpperCase(), intent: "capture" });
  return `https://www.paypal.com/sdk/js?${query}`;
}

declare global {
  interface Window {
    paypal_usd?: Paypal;
    paypal_eur?: Paypal;
    paypal_gbp?: Paypal;
    paypal_cad?: Paypal;
    paypal_aud?: Paypal;
  }
}

/**
 * PayPal's SDK for a client id and currency. The script is added to the page
 * the first time; an SDK already in its global is used as is.
 */
export async function loadPaypal(clientId: string, currency: Currency): Promise<Paypal> {
  const namespace = paypalNamespace(currency);
  if (!window[namespace]) {
    await loadScript(paypalSdkUrl(clientId, currency), { "data-namespace": namespace }).catch(() => {
      throw new Error("PayPal could not be loaded. Check your connection and try again.");
    });
  }
  const paypal = window[namespace];
  if (!paypal) throw new Error("PayPal could not be loaded. Try again in a moment.");
  return paypal;
}
