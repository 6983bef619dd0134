import { useRef, useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { withdraw } from "../api/balance";
import type { Balance, Currency, Money } from "../api/types";
import { MIN_WITHDRAWAL_CENTS, amountIn, balanceCurrencies, parseWithdrawal } from "../lib/balance";
import { currencyLabel, formatMoney } from "../lib/money";
import { SelectField, TextField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";

/** Moves available money out to the payout destination; at least 5.00 at a time. */
export function WithdrawForm({ balance }: { balance: Balance }) {
  const queryClient = useQueryClient();
  const currencies = balanceCurrencies(balance);
  const [currency, setCurrency] = useState<Currency>(currencies[0]);
  const [amount, setAmount] = useState("");
  const [amountError, setAmountError] = useState<string | undefined>();
  const [sent, setSent] = useState<Money | null>(null);
  // One key per withdrawal the user means: kept for a retry, new once the amount changes or it went through.
  const idempotencyKey = useRef<string | null>(null);
  const available = amountIn(balance.available, currency);

  const withdrawal = useMutation({
    mutationFn: (money: Money) => withdraw(money, (idempotencyKey.current ??= crypto.randomUUID())),
    onSuccess: (done) => {
      idempotencyKey.current = null;
      setSent(done.amount);
      setAmount("");
      void queryClient.invalidateQueries({ queryKey: ["balance"] });
    },
  });

  function change(update: () => void) {
    update();
    idempotencyKey.current = null;
    setAmountError(undefined);
    setSent(null);
    withdrawal.reset();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseWithdrawal(amount, available);
    if (!parsed.ok) return setAmountError(parsed.error);
    withdrawal.mutate(parsed.amount);
  }

  const min = formatMoney({ amount: MIN_WITHDRAWAL_CENTS, currency });
  return (
    <form className="form card" aria-labelledby="withdraw-title" onSubmit={onSubmit} noValidate>
      <h2 id="withdraw-title">Withdraw</h2>
      {sent && (
        <p className="notice" role="status">
          {formatMoney(sent)} is on its way to your payout destination.
        </p>
      )}
      <FormErrors error={withdrawal.error} shown={["amount"]} />
      {currencies.length > 1 && (
        <SelectField label="Currency" value={currency} onChange={(e) => change(() => setCurrency(e.target.value as Currency))}>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {currencyLabel(c)}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label={`Amount (${currencyLabel(currency)})`}
        inputMode="decimal"
        value={amount}
        error={amountError ?? serverFieldErrors(withdrawal.error).amount}
        hint={`${formatMoney(available)} available; at least ${min}.`}
        onChange={(e) => change(() => setAmount(e.target.value))}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={withdrawal.isPending || available.amount < MIN_WITHDRAWAL_CENTS}>
          {withdrawal.isPending ? "Withdrawing…" : "Withdraw"}
        </button>
      </div>
    </form>
  );
}
