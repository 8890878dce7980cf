// Routes of the case file (persons, households, records, documents, timeline), under the signed-in frame.

export const personRoutes = [] as const;
