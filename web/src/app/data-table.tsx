// The one table of the list pages: a semantic <table> with a caption (read by screen readers, not
// shown: the page heading says it for sighted users), column headers, one header cell per row
// (what names the row, usually its link), an empty-state row, a loader while the first page loads,
// and "load more" below when the list is paged. It sits in a bordered box that scrolls sideways on
// narrow screens and is reachable by keyboard (so the hidden columns can be scrolled to).
import { Table, Text, VisuallyHidden } from "@mantine/core";
import type { CSSProperties, Key, ReactNode } from "react";
import { ListFooter, TableRegion } from "./list-parts";
import { PageLoader } from "./page";

export type Column<Row> = {
  /** Stable among the table's columns. */
  key: string;
  header: ReactNode;
  /** Read by screen readers but not shown: for a column of buttons. */
  hideHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** The cell names its row (`<th scope="row">`): screen readers announce it with every cell. */
  rowHeader?: boolean;
  /** Keeps the cell on one line (dates, badges). */
  nowrap?: boolean;
  /** Figures, right-aligned under a right-aligned header. */
  numeric?: boolean;
};

/** What "load more" needs: a TanStack infinite query fits as it is. */
export type Paging = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  loading = false,
  paging,
  rowProps,
  testId,
  compact = false,
}: {
  caption: string;
  /** `false` leaves a column out (`canManage && { … }`). */
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** Shown in the table's one row when there are no rows. */
  empty: ReactNode;
  /** The first page is still loading: a loader instead of the table. */
  loading?: boolean;
  /** The list comes in pages: "load more" and the count below the table. */
  paging?: Paging;
  /** Attributes of a row (`data-testid`, `data-state`). */
  rowProps?: (row: Row) => Record<`data-${string}`, string>;
  testId?: string;
  /** Tighter rows for long lists of short entries (the audit log). */
  compact?: boolean;
}) {
  if (loading) return <PageLoader />;
  const shown = columns.filter((c): c is Column<Row> => c !== false);
  return (
    <>
      <TableRegion label={caption}>
        <Table className="data-table" data-testid={testId} verticalSpacing={compact ? "xs" : undefined}>
          <Table.Caption style={{ captionSide: "top" }}>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {shown.map((c) => (
                <Table.Th key={c.key} scope="col" style={c.numeric ? numericHeader : undefined}>
                  {c.hideHeader ? <VisuallyHidden>{c.header}</VisuallyHidden> : c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={shown.length}>
                  <Text py="md" c="dimmed" maw="48rem">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              rows.map((row) => (
                <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
                  {shown.map((c) => (
                    <Cell key={c.key} column={c} row={row} />
                  ))}
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </TableRegion>
      {paging ? (
        <ListFooter
          count={rows.length}
          hasMore={paging.hasNextPage}
          loadingMore={paging.isFetchingNextPage}
          onLoadMore={() => void paging.fetchNextPage()}
        />
      ) : null}
    </>
  );
}

const numericHeader: CSSProperties = { textAlign: "right", whiteSpace: "normal", verticalAlign: "bottom" };

function Cell<Row>({ column: c, row }: { column: Column<Row>; row: Row }) {
  const style: CSSProperties = {
    verticalAlign: "top",
    whiteSpace: c.nowrap ? "nowrap" : "normal",
    textAlign: c.numeric ? "right" : undefined,
  };
  return c.rowHeader ? (
    <Table.Th scope="row" style={style}>
      {c.cell(row)}
    </Table.Th>
  ) : (
    <Table.Td style={style}>{c.cell(row)}</Table.Td>
  );
}
