// Work in progress.
export function LegalBasesPage() {
  return null;
}
