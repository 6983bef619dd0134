import { useQuery } from "@tanstack/react-query";
import { listTransactions, listWithdrawals } from "../api/balance";
import type { Balance, Currency } from "../api/types";
import { FigureList } from "../components/FigureList";
import { LoadMore } from "../components/LoadMore";
import { MonthlyTable } from "../components/MonthlyTable";
import { PayoutDestinationForm } from "../components/PayoutDestinationForm";
import { ErrorPanel, Loading } from "../components/Status";
import { TransactionsTable } from "../components/TransactionsTable";
import { WithdrawForm } from "../components/WithdrawForm";
import { WithdrawalsTable } from "../components/WithdrawalsTable";
import { amountIn, balanceCurrencies, lastTwelveMonths } from "../lib/balance";
import { currencyLabel, formatMoney } from "../lib/money";
import { usePaged } from "../lib/usePaged";
import { balanceQuery, monthlyQuery } from "./moneyQueries";

/** The caller's money: balances, withdrawing them, and where money came from and went. */
export function BalancePage() {
  const balance = useQuery(balanceQuery());

  return (
    <div className="stack">
      <h1>Balance</h1>
      {balance.isPending ? (
        <Loading label="Loading your balance…" />
      ) : balance.isError ? (
        <ErrorPanel error={balance.error} retry={() => balance.refetch()} />
      ) : (
        <>
          <BalanceFigures balance={balance.data} />
          <div className="grid-2">
            <WithdrawForm balance={balance.data} />
            <PayoutDestinationForm />
          </div>
        </>
      )}
      <Monthly />
      <Transactions />
      <Withdrawals />
    </div>
  );
}

function BalanceFigures({ balance }: { balance: Balance }) {
  const currencies = balanceCurrencies(balance);
  const named = (label: string, currency: Currency) => (currencies.length > 1 ? `${label} (${currencyLabel(currency)})` : label);
  return (
    <section className="card" aria-label="Your balance">
      <FigureList
        label="Available and pending money"
        figures={currencies.flatMap((currency) => [
          { label: named("Available", currency), value: formatMoney(amountIn(balance.available, currency)) },
          { label: named("Pending", currency), value: formatMoney(amountIn(balance.pending, currency)) },
        ])}
      />
      <p className="muted">Pending money is in its review period and becomes available to withdraw after it.</p>
    </section>
  );
}

function Monthly() {
  const { from, to } = lastTwelveMonths();
  const months = useQuery(monthlyQuery(from, to));
  return (
    <section className="card" aria-label="Earnings and spending">
      {months.isPending ? (
        <Loading label="Loading monthly figures…" />
      ) : months.isError ? (
        <ErrorPanel error={months.error} retry={() => months.refetch()} />
      ) : (
        <MonthlyTable months={months.data} />
      )}
    </section>
  );
}

function Transactions() {
  const transactions = usePaged(["balance", "transactions"], (cursor) => listTransactions({ cursor }));
  return (
    <section className="card" aria-label="Transactions">
      {transactions.isPending ? (
        <Loading label="Loading transactions…" />
      ) : !transactions.data ? (
        <ErrorPanel error={transactions.error} retry={() => transactions.refetch()} />
      ) : transactions.items.length === 0 ? (
        <p className="muted">No money has moved yet. Funded, released and refunded milestones show up here.</p>
      ) : (
        <TransactionsTable transactions={transactions.items} />
      )}
      <LoadMore
        hasMore={transactions.hasNextPage}
        loading={transactions.isFetchingNextPage}
        error={transactions.isFetchNextPageError ? transactions.error : null}
        onLoad={() => transactions.fetchNextPage()}
      />
    </section>
  );
}

function Withdrawals() {
  const withdrawals = usePaged(["balance", "withdrawals"], (cursor) => listWithdrawals({ cursor }));
  return (
    <section className="card" aria-label="Withdrawals">
      {withdrawals.isPending ? (
        <Loading label="Loading withdrawals…" />
      ) : !withdrawals.data ? (
        <ErrorPanel error={withdrawals.error} retry={() => withdrawals.refetch()} />
      ) : withdrawals.items.length === 0 ? (
        <p className="muted">No withdrawals yet.</p>
      ) : (
        <WithdrawalsTable withdrawals={withdrawals.items} />
      )}
      <LoadMore
        hasMore={withdrawals.hasNextPage}
        loading={withdrawals.isFetchingNextPage}
        error={withdrawals.isFetchNextPageError ? withdrawals.error : null}
        onLoad={() => withdrawals.fetchNextPage()}
      />
    </section>
  );
}
