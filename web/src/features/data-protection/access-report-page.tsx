// Work in progress.
export function AccessReportPage() {
  return null;
}
