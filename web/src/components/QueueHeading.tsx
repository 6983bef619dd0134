import { useSearchParams } from "react-router";
import { Options, SelectField } from "./Field";

/**
 * Which part of an admin queue to show, kept in the query string as
 * `status`; the first filter is the default and leaves the address bare.
 */
export function useQueueStatus<K extends string>(filters: Record<K, string>): [K, (status: K) => void] {
  const [params, setParams] = useSearchParams();
  const fallback = Object.keys(filters)[0] as K;
  const raw = params.get("status") ?? fallback;
  const status = Object.hasOwn(filters, raw) ? (raw as K) : fallback;
  return [status, (next) => setParams(next === fallback ? {} : { status: next })];
}

interface QueueHeadingProps<K extends string> {
  id: string;
  title: string;
  filters: Record<K, string>;
  status: K;
  onChange: (status: K) => void;
}

/** A queue's title beside its "Show" filter. */
export function QueueHeading<K extends string>({ id, title, filters, status, onChange }: QueueHeadingProps<K>) {
  return (
    <div className="page-heading">
      <h1 id={id}>{title}</h1>
      <SelectField label="Show" value={status} onChange={(e) => onChange(e.target.value as K)}>
        <Options labels={filters} />
      </SelectField>
    </div>
  );
}
