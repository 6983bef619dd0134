import { useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { payMilestone } from "../api/contracts";
import { ApiError } from "../api/errors";
import type { Contract, Milestone, PaymentProvider } from "../api/types";
import { clientCharge } from "../lib/checkout";
import { formatMoney } from "../lib/money";
import { useCheckout } from "../lib/useCheckout";
import { ConfirmPanel } from "./ConfirmPanel";
import { FormErrors } from "./FormErrors";
import { PaypalButtonsPicker } from "./PaypalButtonsPicker";
import { StripeCardPicker, useStripeCard } from "./StripeCardPicker";
import { Loading } from "./Status";

interface FundPanelProps {
  contract: Contract;
  milestone: Milestone;
  /** The freelancer's name. */
  otherParty: string;
  onDone: () => void;
  onDismiss: () => void;
}

interface FundProps extends FundPanelProps {
  label: string;
  question: ReactNode;
}

/**
 * The client confirms funding a milestone, paying the way the server's
 * provider takes money: the sandbox needs nothing more, Stripe a card,
 * PayPal an order approved in PayPal's window.
 */
export function FundPanel(props: FundPanelProps) {
  const { milestone, otherParty, onDismiss } = props;
  const checkout = useCheckout();
  const label = `Fund ${milestone.title}`;
  const question = (
    <>
      Put <strong>{formatMoney(milestone.amount)}</strong> in escrow for “{milestone.title}”, plus the marketplace fee? {otherParty} can start work once it is
      funded; you release the money when you approve the work.
    </>
  );

  if (checkout.isPending) {
    return (
      <div className="confirm-panel" role="group" aria-label={label}>
        <Loading label="Loading the ways to pay…" />
      </div>
    );
  }
  if (checkout.isError) {
    return (
      <Unavailable label={label} error={checkout.error} onDismiss={onDismiss}>
        <button type="button" className="button button--secondary" onClick={() => checkout.refetch()}>
          Try again
        </button>
      </Unavailable>
    );
  }
  const { stripe_publishable_key: stripeKey, paypal_client_id: paypalClientId } = checkout.data;
  const provider = checkout.data.provider as PaymentProvider;
  if (provider === "sandbox") return <SandboxFund {...props} label={label} question={question} />;
  if (provider === "stripe" && stripeKey) return <StripeFund {...props} label={label} question={question} publishableKey={stripeKey} />;
  if (provider === "paypal" && paypalClientId) {
    return <PaypalFund {...props} label={label} question={question} clientId={paypalClientId} feeBps={checkout.data.client_fee_bps} />;
  }
  return <Unavailable label={label} error={new Error("Funding is not available right now: payments are not set up. Try again later.")} onDismiss={onDismiss} />;
}

function SandboxFund({ contract, milestone, label, question, onDone, onDismiss }: FundProps) {
  const amount = formatMoney(milestone.amount);
  return (
    <ConfirmPanel
      label={label}
      confirmLabel={`Fund ${amount}`}
      pendingLabel="Funding…"
      run={(key) => payMilestone(contract.id, milestone.id, "fund", key)}
      onDone={onDone}
      onDismiss={onDismiss}
    >
      {question}
    </ConfirmPanel>
  );
}

/** Funding with a card: Stripe turns it into a payment method, whose id the server charges. */
function StripeFund({ contract, milestone, label, question, onDone, onDismiss, publishableKey }: FundProps & { publishableKey: string }) {
  const card = useStripeCard(publishableKey);
  const amount = formatMoney(milestone.amount);
  const run = async (key: string) => {
    const paymentMethod = await card.paymentMethodId();
    try {
      return await payMilestone(contract.id, milestone.id, "fund", key, paymentMethod);
    } catch (error) {
      // A declined card's payment method is spent; the next try makes a new one.
      if (error instanceof ApiError && error.status === 402) card.forget();
      throw error;
    }
  };
  return (
    <ConfirmPanel
      label={label}
      confirmLabel={`Fund ${amount}`}
      pendingLabel="Funding…"
      extra={<StripeCardPicker card={card} />}
      ready={card.ready}
      run={run}
      onDone={onDone}
      onDismiss={onDismiss}
    >
      {question}
    </ConfirmPanel>
  );
}

/**
 * Funding through PayPal: the payer approves an order in PayPal's window and
 * the server captures it. One idempotency key per opening of the panel, as in
 * `ConfirmPanel`; a failed capture of an approved order can be tried again.
 */
function PaypalFund({
  contract,
  milestone,
  label,
  question,
  onDone,
  onDismiss,
  clientId,
  feeBps,
}: FundProps & { clientId: string; feeBps: number }) {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [approved, setApproved] = useState<string | null>(null);
  const [paypalError, setPaypalError] = useState<Error | null>(null);
  const fund = useMutation({
    mutationFn: (orderId: string) => payMilestone(contract.id, milestone.id, "fund", idempotencyKey, orderId),
    onSuccess: onDone,
    onError: (error) => {
      // A refused order is spent; the payer approves a new one.
      if (error instanceof ApiError && error.status === 402) setApproved(null);
    },
  });
  const pay = (orderId: string) => {
    setPaypalError(null);
    setApproved(orderId);
    fund.mutate(orderId);
  };
  // The order must match the server's charge to the cent.
  const charge = clientCharge(milestone.amount, feeBps);
  return (
    <div className="confirm-panel" role="group" aria-label={label}>
      <p>{question}</p>
      <p>
        PayPal asks you to approve <strong>{formatMoney(charge)}</strong>: the milestone and the {feeBps / 100}% marketplace fee.
      </p>
      <FormErrors error={fund.error ?? paypalError} />
      {fund.isPending && <Loading label="Funding…" />}
      <PaypalButtonsPicker
        clientId={clientId}
        charge={charge}
        onApprove={pay}
        onError={(error) => {
          fund.reset();
          setPaypalError(error);
        }}
        hidden={fund.isPending}
      />
      <div className="form-actions">
        {approved && fund.isError && (
          <button type="button" className="button button--primary" onClick={() => pay(approved)}>
            Try again
          </button>
        )}
        <button type="button" className="button button--ghost" disabled={fund.isPending} onClick={onDismiss}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function Unavailable({ label, error, onDismiss, children }: { label: string; error: unknown; onDismiss: () => void; children?: ReactNode }) {
  return (
    <div className="confirm-panel" role="group" aria-label={label}>
      <FormErrors error={error} />
      <div className="form-actions">
        {children}
        <button type="button" className="button button--ghost" onClick={onDismiss}>
          Cancel
        </button>
      </div>
    </div>
  );
}
