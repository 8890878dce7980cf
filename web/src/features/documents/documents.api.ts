// Documents attached to a person and a category: list, upload (multipart), delete, content links.
import { queryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";
import type { Category } from "../persons/persons.api";
import { rawApi } from "../persons/raw-request";

export type DocumentItem = {
  id: string;
  personId: string;
  category: Category;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  ownerOrganisationId: string;
  createdAt: string;
};

/** The server's limit (STRANG_MAX_UPLOAD_BYTES defaults to 20 MB); the server decides in the end. */
export const maxUploadBytes = 20 * 1024 * 1024;
export const acceptedTypes = ["application/pdf", "image/jpeg", "image/png"];

export const documentsQuery = (personId: string) =>
  queryOptions({
    queryKey: ["persons", "one", personId, "documents"],
    queryFn: () => api.get<Page<DocumentItem>>(`/persons/${personId}/documents`),
  });

export const contentUrl = (id: string, disposition: "inline" | "attachment") =>
  `/api/v1/documents/${id}/content?disposition=${disposition}`;

export const documentsApi = {
  upload: (personId: string, input: { category: Category; title: string; file: File }) => {
    const form = new FormData();
    form.set("category", input.category);
    if (input.title.trim()) form.set("title", input.title.trim());
    form.set("file", input.file, input.file.name);
    return rawApi.upload<DocumentItem>(`/persons/${personId}/documents`, form);
  },
  remove: (id: string) => rawApi.delete(`/documents/${id}`),
};
