import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";
import type { Paged } from "../api/types";

/** A cursor-paged list: the items loaded so far, and the means to load more. */
export function usePaged<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<Paged<T>>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}
