// A person's timeline: records, documents and case-state changes, newest first.
import { infiniteQueryOptions } from "@tanstack/react-query";
import { client, type Schemas, unwrap } from "../../app/api-client";

export type TimelineEntry = Schemas["TimelineEntry"];

export const timelineQuery = (personId: string) =>
  infiniteQueryOptions({
    queryKey: ["timeline", personId],
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/v1/persons/{id}/timeline", {
          params: { path: { id: personId }, query: { limit: 25, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
