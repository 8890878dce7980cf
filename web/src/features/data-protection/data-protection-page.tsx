// Work in progress.
export function DataProtectionPage() {
  return null;
}
