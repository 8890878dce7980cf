// A person's timeline: records, documents and case-state changes, newest first.
import { infiniteQueryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";
import type { Category } from "../persons/persons.api";

export type TimelineEntry = {
  type: "record" | "document" | "case";
  id: string;
  at: string;
  category: Category;
  organisationId: string;
  kind?: string;
  summary: string;
  validFrom?: string | null;
  action?: string;
  mediaType?: string;
};

export const timelineQuery = (personId: string) =>
  infiniteQueryOptions({
    queryKey: ["timeline", personId],
    queryFn: ({ pageParam }) =>
      api.get<Page<TimelineEntry>>(`/persons/${personId}/timeline`, { limit: 25, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
