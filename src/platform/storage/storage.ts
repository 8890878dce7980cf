// One storage interface for document bytes. The filesystem implementation keeps files under
// STRANG_DATA_DIR/documents; another (e.g. S3-compatible) can implement the same three calls.
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

export type Storage = {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
};

const safeKey = /^[a-zA-Z0-9/_-]{1,200}$/;

export function filesystemStorage(root: string): Storage {
  const resolve = (key: string) => {
    if (!safeKey.test(key) || key.includes("..")) throw new Error("invalid storage key");
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = resolve(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a crash never leaves half a file under the final name.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, data, { mode: 0o600 });
      await fs.rename(tmp, file);
    },
    async get(key) {
      const file = resolve(key);
      await fs.access(file);
      return createReadStream(file);
    },
    async delete(key) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}
