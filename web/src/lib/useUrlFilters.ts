import { useState } from "react";
import { useSearchParams } from "react-router";

/**
 * Filters that live in the URL's query string, plus the draft the inputs
 * edit until the form is applied. The draft starts over whenever the URL
 * changes (a link, back/forward, or applying the form).
 */
export function useUrlFilters<F>(fromSearch: (params: URLSearchParams) => F, toSearch: (filters: F) => URLSearchParams | string) {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = fromSearch(searchParams);
  const [draft, setDraft] = useState(filters);
  const [seen, setSeen] = useState(search);
  if (seen !== search) {
    setSeen(search);
    setDraft(filters);
  }
  const apply = (next: F) => setSearchParams(toSearch(next));
  return { filters, draft, setDraft, apply };
}
