import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { setPayoutDestination } from "../api/balance";
import { TextField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";

/** Where withdrawals are paid: a Stripe account id or a PayPal e-mail address. */
export function PayoutDestinationForm() {
  const [destination, setDestination] = useState("");
  const [destinationError, setDestinationError] = useState<string | undefined>();
  const save = useMutation({ mutationFn: setPayoutDestination });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!destination.trim()) return setDestinationError("Enter where your withdrawals should go.");
    save.mutate(destination.trim());
  }

  return (
    <form className="form card" aria-labelledby="payout-title" onSubmit={onSubmit} noValidate>
      <h2 id="payout-title">Payout destination</h2>
      {save.isSuccess && (
        <p className="notice" role="status">
          Your payout destination is saved. Withdrawals go there from now on.
        </p>
      )}
      <FormErrors error={save.error} shown={["destination"]} />
      <TextField
        label="Payout destination"
        autoComplete="off"
        value={destination}
        error={destinationError ?? serverFieldErrors(save.error).destination}
        hint="Your Stripe account id (acct_…) or your PayPal e-mail address, whichever the marketplace pays through."
        onChange={(e) => {
          setDestination(e.target.value);
          setDestinationError(undefined);
          save.reset();
        }}
      />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save destination"}
        </button>
      </div>
    </form>
  );
}
