import { loadScript } from "./loadScript";

/*
 * The few Stripe.js calls the fund panel makes, typed here rather than
 * bundling Stripe's packages: Stripe.js itself is loaded from Stripe at run
 * time, and only when the server's payment provider is Stripe.
 */

export const STRIPE_JS_URL = "https://js.stripe.com/v3/";

export interface StripeError {
  type?: string;
  code?: string;
  message?: string;
}

export interface StripeCardChange {
  complete: boolean;
  empty: boolean;
  error?: StripeError;
}

export interface StripeCardElement {
  mount(domElement: HTMLElement): void;
  on(event: "change", handler: (event: StripeCardChange) => void): void;
  on(event: "ready", handler: () => void): void;
  destroy(): void;
}

export interface StripeElements {
  create(type: "card", options?: { hidePostalCode?: boolean; style?: Record<string, unknown> }): StripeCardElement;
}

export interface Stripe {
  elements(): StripeElements;
  createPaymentMethod(data: { type: "card"; card: StripeCardElement }): Promise<{ paymentMethod?: { id: string }; error?: StripeError }>;
}

/** The global Stripe.js installs: `Stripe(publishableKey)`. */
export type StripeConstructor = (publishableKey: string) => Stripe;

declare global {
  interface Window {
    Stripe?: StripeConstructor;
  }
}

const instances = new Map<string, Promise<Stripe>>();

/**
 * Stripe.js for a publishable key, one instance per key. The script is added
 * to the page the first time; a `window.Stripe` already there is used as is.
 */
export function loadStripe(publishableKey: string): Promise<Stripe> {
  let instance = instances.get(publishableKey);
  if (!instance) {
    instance = (async () => {
      if (!window.Stripe) {
        await loadScript(STRIPE_JS_URL).catch(() => {
          throw new Error("The card form could not be loaded. Check your connection and try again.");
        });
      }
      if (!window.Stripe) throw new Error("The card form could not be loaded. Try again in a moment.");
      return window.Stripe(publishableKey);
    })();
    instance.catch(() => instances.delete(publishableKey));
    instances.set(publishableKey, instance);
  }
  return instance;
}

/** Forgets the Stripe instances made so far; for tests. */
export function forgetStripe() {
  instances.clear();
}
