import { useCallback, useEffect, useId, useRef, useState, type RefObject } from "react";
import { errorMessage } from "../api/errors";
import { loadStripe, type Stripe, type StripeCardElement } from "../lib/stripe";

export interface StripeCard {
  /** Where Stripe's card element goes. */
  container: RefObject<HTMLDivElement | null>;
  /** The card element is on the page. */
  ready: boolean;
  /** Why Stripe.js could not be loaded, if it could not. */
  loadError: unknown;
  /** What Stripe says is wrong with the card as typed so far. */
  cardError: string | null;
  /**
   * The id of a payment method for the card as typed. The same card gives the
   * same id until it is edited, so a retry sends what the first try sent.
   */
  paymentMethodId: () => Promise<string>;
  /** Drops the payment method made so far (it was declined); the next call makes a new one. */
  forget: () => void;
  retry: () => void;
}

/** Loads Stripe.js for `publishableKey` and mounts a card element in `container`. */
export function useStripeCard(publishableKey: string): StripeCard {
  const container = useRef<HTMLDivElement>(null);
  const card = useRef<{ stripe: Stripe; element: StripeCardElement } | null>(null);
  const created = useRef<string | null>(null);
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let element: StripeCardElement | null = null;
    loadStripe(publishableKey).then(
      (stripe) => {
        if (!live || !container.current) return;
        element = stripe.elements().create("card");
        element.on("change", (change) => {
          created.current = null;
          setCardError(change.error?.message ?? null);
        });
        element.mount(container.current);
        card.current = { stripe, element };
        setReady(true);
      },
      (error: unknown) => {
        if (live) setLoadError(error);
      },
    );
    return () => {
      live = false;
      element?.destroy();
      card.current = null;
      created.current = null;
      setReady(false);
    };
  }, [publishableKey, attempt]);

  const paymentMethodId = useCallback(async () => {
    if (created.current) return created.current;
    if (!card.current) throw new Error("The card form is still loading.");
    const { stripe, element } = card.current;
    const { paymentMethod, error } = await stripe.createPaymentMethod({ type: "card", card: element });
    if (!paymentMethod) throw new Error(error?.message ?? "The card could not be used. Check it and try again.");
    created.current = paymentMethod.id;
    return paymentMethod.id;
  }, []);
  const forget = useCallback(() => {
    created.current = null;
  }, []);
  const retry = useCallback(() => {
    setLoadError(null);
    setAttempt((n) => n + 1);
  }, []);

  return { container, ready, loadError, cardError, paymentMethodId, forget, retry };
}

/** The card form of the fund panel: Stripe's card element, with what is wrong with the card. */
export function StripeCardPicker({ card }: { card: StripeCard }) {
  const id = useId();
  return (
    <fieldset className={["field", "card-field", card.cardError ? "field--invalid" : ""].filter(Boolean).join(" ")} aria-describedby={`${id}-hint`}>
      <legend>Card</legend>
      <div ref={card.container} className="card-field__element" />
      {!card.ready && !card.loadError && <p className="loading">Loading the card form…</p>}
      {card.loadError !== null && (
        <div className="form-errors" role="alert">
          <p>{errorMessage(card.loadError)}</p>
          <button type="button" className="button button--secondary" onClick={card.retry}>
            Load the card form again
          </button>
        </div>
      )}
      {card.cardError && <p className="field-error">{card.cardError}</p>}
      <p className="field-hint" id={`${id}-hint`}>
        Your card details go straight to Stripe.
      </p>
    </fieldset>
  );
}
