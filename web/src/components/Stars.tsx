import { useId } from "react";

/** Whole stars out of five, read out as "4 out of 5 stars". */
export function Stars({ rating }: { rating: number }) {
  const whole = Math.round(rating);
  return (
    <span className="stars" role="img" aria-label={`${rating} out of 5 stars`}>
      {"★".repeat(whole)}
      <span className="stars__empty">{"★".repeat(5 - whole)}</span>
    </span>
  );
}

interface StarPickerProps {
  value: number;
  onChange: (rating: number) => void;
  error?: string;
}

/** Five radio buttons drawn as stars. */
export function StarPicker({ value, onChange, error }: StarPickerProps) {
  const name = useId();
  return (
    <fieldset className={`field star-picker${error ? " field--invalid" : ""}`}>
      <legend>Rating</legend>
      <div className="star-picker__stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= value ? "is-on" : undefined}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} className="visually-hidden" />
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">
              {n} star{n === 1 ? "" : "s"}
            </span>
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
