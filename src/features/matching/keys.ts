// Search keys: the skeleton key of every identity token (and of its canonical form when a variant
// table knows the name under another spelling), at most two keys per token.
import type { PersonForMatching } from "./index.js";
import { identityTokens, particles } from "./name-normalise.js";
import { canonicalName } from "./name-variants.js";
import { prefixSafeStem, skeletonKey } from "./phonetic-key.js";

function tokenKeys(token: string): string[] {
  const keys = [skeletonKey(token)];
  const canon = canonicalName(token);
  if (canon !== token) keys.push(skeletonKey(canon));
  return keys.filter((k) => k.length > 0);
}

export function personKeys(
  person: Pick<PersonForMatching, "givenNames" | "familyName" | "alternativeNames">,
): string[] {
  const tokens = [person.givenNames, person.familyName, ...(person.alternativeNames ?? [])].flatMap((t) =>
    identityTokens(t ?? ""),
  );
  return [...new Set(tokens.flatMap(tokenKeys))];
}

// A typed "Abdulr" or "Alh" is not yet recognisable as an Abd compound or a glued article.
const abdStart = /^abd(?:ou|[aeiou])?l?/;
const articleStart = /^(?:al|el)(?=[bcdfghjklmnpqrstvwxz])/;

function prefixKeys(token: string): string[] {
  const variants = new Set([token]);
  if (abdStart.test(token) && token.length > 3) variants.add(`abd${token.replace(abdStart, "")}`);
  if (articleStart.test(token)) variants.add(token.slice(2));
  const keys: string[] = [];
  for (const v of variants) {
    const stem = prefixSafeStem(v);
    if (stem.length > 0) keys.push(skeletonKey(stem));
    else if (/^[iyj]/.test(v)) keys.push("A", "Y");
    else keys.push(skeletonKey(v.slice(0, 1)));
    const canon = canonicalName(v);
    if (canon !== v) keys.push(skeletonKey(canon));
  }
  return keys.filter((k) => k.length > 0);
}

/**
 * Keys a typed text may match. Every token but the last is complete; with `prefix` the last one
 * is still being typed and its keys are LIKE prefixes (`key like 'K%'`) of the keys of the names
 * it may become.
 */
export function queryKeys(token: string, prefix: boolean): string[] {
  const tokens = identityTokens(token);
  if (tokens.length === 0 && prefix) {
    const raw = token.trim().toLowerCase();
    if (raw && particles.has(raw)) return [];
  }
  const keys: string[] = [];
  tokens.forEach((t, i) => {
    if (prefix && i === tokens.length - 1) keys.push(...prefixKeys(t));
    else keys.push(...tokenKeys(t));
  });
  return [...new Set(keys)];
}
