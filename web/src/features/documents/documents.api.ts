// Documents attached to a person and a category: list, upload (multipart), delete, content links.
import { queryOptions } from "@tanstack/react-query";
import { client, type Schemas, unwrap } from "../../app/api-client";
import type { Category } from "../persons/persons.api";

export type DocumentItem = Schemas["Document"];

/** The server's limit (STRANG_MAX_UPLOAD_BYTES defaults to 20 MB); the server decides in the end. */
export const maxUploadBytes = 20 * 1024 * 1024;
export const acceptedTypes = ["application/pdf", "image/jpeg", "image/png"];

export const documentsQuery = (personId: string) =>
  queryOptions({
    queryKey: ["persons", "one", personId, "documents"],
    queryFn: () => unwrap(client.GET("/api/v1/persons/{id}/documents", { params: { path: { id: personId } } })),
  });

export const contentUrl = (id: string, disposition: "inline" | "attachment") =>
  `/api/v1/documents/${id}/content?disposition=${disposition}`;

/**
 * POST of the multipart form (category, title?, file). openapi.json names the answer but no body:
 * the server reads the multipart stream itself, outside the zod schemas, so the form goes in as the
 * body the generated type does not know (openapi-fetch sends FormData as it is, with its boundary).
 */
export const uploadDocumentForm = (personId: string, form: FormData) =>
  unwrap(client.POST("/api/v1/persons/{id}/documents", { params: { path: { id: personId } }, body: form as never }));

export const documentsApi = {
  upload: (personId: string, input: { category: Category; title: string; file: File }) => {
    const form = new FormData();
    form.set("category", input.category);
    if (input.title.trim()) form.set("title", input.title.trim());
    form.set("file", input.file, input.file.name);
    return uploadDocumentForm(personId, form);
  },
  remove: (id: string) => unwrap(client.DELETE("/api/v1/documents/{id}", { params: { path: { id } } })),
};
