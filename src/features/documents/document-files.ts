// An upload as it arrives (multipart/form-data: category, title?, file) and the names a document
// is stored and offered under. The type of a file is decided by its content, never by its name.
import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import { z } from "zod";
import { type Category, categories } from "../../platform/domain-categories.js";
import { AppError, malformedMultipart } from "../../platform/http/errors.js";
import { textFault } from "../../platform/http/validation.js";

const allowedMediaTypes = ["application/pdf", "image/jpeg", "image/png"] as const;

export const notMultipart = () =>
  new AppError("unsupported-media-type", "Send multipart/form-data with the fields category, title and file");

const fieldError = (path: string, message: string) =>
  new AppError("validation-error", `${path}: ${message}`, { errors: [{ path, message }] });

// The extensions a stored name may keep for each accepted type; the first is given otherwise.
const extensionsOf: Record<(typeof allowedMediaTypes)[number], readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
};

// Bidirectional controls make a text show other than it is (`rechnung\u202Efdp.exe` reads as
// "rechnungexe.pdf"); other controls and line separators have no place in a name, a title or a
// header. Joiners (U+200C/D) stay: Persian and Indic names need them.
const controls = /[\p{Cc}\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;
const withoutControls = (text: string) => text.normalize("NFC").replace(controls, "").trim();

/**
 * The name a document is stored and offered under: without path, controls or quotes, and with
 * the extension of the type its content was detected as (the name the uploader chose is no
 * evidence of the type: `seite.html` holding a PDF is offered as `seite.pdf`).
 */
export function documentFileName(name: string | undefined, mediaType: string): string {
  // Quotes would end the Content-Disposition parameter. Trailing dots and spaces are dropped by
  // Windows, which would make what stands before them the extension.
  const base = withoutControls((name ?? "").split(/[\\/]/).pop() ?? "")
    .replace(/"/g, "")
    .replace(/[.\s]+$/u, "")
    .trim();
  const allowed = extensionsOf[mediaType as keyof typeof extensionsOf] ?? [];
  // Only a suffix with a letter counts as an extension: "Bescheid vom 12.03.2024" keeps its date.
  const suffix = /^(.*)\.([\p{L}\p{N}]{1,10})$/u.exec(base);
  const hasExtension = suffix?.[2] !== undefined && /\p{L}/u.test(suffix[2]);
  const kept = hasExtension && allowed.includes((suffix?.[2] ?? "").toLowerCase()) ? suffix?.[2] : undefined;
  const extension = kept ?? allowed[0] ?? "bin";
  const stem = (hasExtension ? (suffix?.[1] ?? "") : base).replace(/[.\s]+$/u, "") || "document";
  return `${[...stem].slice(0, 200 - extension.length - 1).join("")}.${extension}`;
}

/** RFC 8187 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves. */
const rfc8187 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The Content-Disposition of a download: an ASCII fallback name and the exact one (RFC 8187). */
export function contentDisposition(disposition: "attachment" | "inline", fileName: string): string {
  return `${disposition}; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${rfc8187(fileName)}`;
}

export type Upload = {
  category: Category;
  title: string;
  fileName: string;
  mediaType: string;
  bytes: Buffer;
  sha256: string;
};

/** Reads and checks the form: fields named and valid, a non-empty file of an accepted type (by content). */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  const { fields, file } = await readParts(req);
  const category = z.enum(categories).safeParse(fields.category);
  if (!category.success) throw fieldError("category", `One of ${categories.join(", ")}`);
  const titleFault = fields.title === undefined ? undefined : textFault(fields.title.trim(), false);
  if (titleFault) throw fieldError("title", titleFault);
  if (!file || file.buffer.length === 0) throw fieldError("file", "A non-empty file is required");
  const detected = await fileTypeFromBuffer(file.buffer);
  if (!detected || !(allowedMediaTypes as readonly string[]).includes(detected.mime)) {
    throw new AppError(
      "unsupported-media-type",
      `The file's content is ${detected?.mime ?? "not a recognised type"}; only PDF, JPEG and PNG are accepted, whatever the file name says`,
      {
        errors: [{ path: "file", message: "Only PDF, JPEG and PNG (decided by the content)" }],
      },
    );
  }
  const fileName = documentFileName(file.name, detected.mime);
  return {
    category: category.data,
    title: withoutControls(fields.title ?? "").slice(0, 200) || fileName,
    fileName,
    mediaType: detected.mime,
    bytes: file.buffer,
    sha256: createHash("sha256").update(file.buffer).digest("hex"),
  };
}

async function readParts(req: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { buffer: Buffer; name: string | undefined } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === "file") {
        if (part.fieldname !== "file") throw fieldError(part.fieldname, "Unexpected file field; use 'file'");
        file = { buffer: await part.toBuffer(), name: part.filename };
      } else if (["category", "title"].includes(part.fieldname)) {
        fields[part.fieldname] = String(part.value);
      } else {
        throw fieldError(part.fieldname, "Unknown field");
      }
    }
  } catch (err) {
    // The parser (busboy) throws plain errors for a missing or unusable boundary and a body
    // cut off before its end: the client's fault, not ours. Limits carry their own status.
    if (err instanceof AppError || (err as { statusCode?: unknown }).statusCode) throw err;
    throw malformedMultipart();
  }
  return { fields, file };
}
