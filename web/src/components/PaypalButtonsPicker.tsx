import { useEffect, useRef, useState } from "react";
import { errorMessage } from "../api/errors";
import type { Money } from "../api/types";
import { decimalAmount } from "../lib/checkout";
import { loadPaypal, type PaypalButtons } from "../lib/paypal";

interface PaypalButtonsPickerProps {
  clientId: string;
  /** What the order is for: the whole charge, fee included. */
  charge: Money;
  /** The payer approved order `orderId` in PayPal's window. */
  onApprove: (orderId: string) => void;
  /** PayPal could not create or complete the order. */
  onError: (error: Error) => void;
  /** Kept on the page but out of sight, e.g. while the approved order is being captured. */
  hidden?: boolean;
}

/**
 * PayPal's buttons for the fund panel. The order is created here in the
 * browser for `charge`; the server captures it once approved.
 */
export function PaypalButtonsPicker({ clientId, charge, onApprove, onError, hidden = false }: PaypalButtonsPickerProps) {
  const container = useRef<HTMLDivElement>(null);
  // The buttons are rendered once; they call whatever the latest handlers are.
  const handlers = useRef({ onApprove, onError });
  useEffect(() => {
    handlers.current = { onApprove, onError };
  });
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const { currency, amount } = charge;

  useEffect(() => {
    let live = true;
    let buttons: PaypalButtons | null = null;
    loadPaypal(clientId, currency)
      .then((paypal) => {
        if (!live || !container.current) return;
        buttons = paypal.Buttons({
          style: { layout: "vertical", tagline: false },
          createOrder: (_data, actions) =>
            actions.order.create({ purchase_units: [{ amount: { value: decimalAmount(amount), currency_code: currency.toUpperCase() } }] }),
          onApprove: (data) => handlers.current.onApprove(data.orderID),
          onError: () => handlers.current.onError(new Error("PayPal could not take the payment. Nothing was charged; try again.")),
        });
        return buttons.render(container.current).then(() => {
          if (live) setReady(true);
        });
      })
      .catch((error: unknown) => {
        if (live) setLoadError(error);
      });
    return () => {
      live = false;
      setReady(false);
      buttons?.close().catch(() => {});
    };
  }, [clientId, currency, amount, attempt]);

  return (
    <div className="paypal-buttons" hidden={hidden}>
      <div ref={container} />
      {!ready && !loadError && <p className="loading">Loading PayPal…</p>}
      {loadError !== null && (
        <div className="form-errors" role="alert">
          <p>{errorMessage(loadError)}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setLoadError(null);
              setAttempt((n) => n + 1);
            }}
          >
            Load PayPal again
          </button>
        </div>
      )}
    </div>
  );
}
