// Work in progress.
export function AgreementsPage() {
  return null;
}
