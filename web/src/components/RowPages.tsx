import { Pagination } from '@mantine/core';
import { useEffect, useState } from 'react';

/**
 * A long list already in memory shown a page at a time; back to the first page whenever the
 * rows change (a new answer).
 *   const paged = usePagedRows(rows, 25);  …paged.shown…  <RowPages label="records" {...paged} />
 */
export function usePagedRows<T>(rows: readonly T[], size: number) {
  const [page, setPage] = useState(1);
  useEffect(() => {
    setPage(1);
  }, [rows]);
  const pages = Math.max(1, Math.ceil(rows.length / size));
  return { page, setPage, pages, shown: rows.slice((page - 1) * size, page * size) };
}

/** Page buttons named for what they page through ("Page 2 of flagged weeks"); none for one page. */
export function RowPages({
  label,
  page,
  pages,
  setPage,
}: {
  label: string;
  page: number;
  pages: number;
  setPage: (page: number) => void;
}) {
  if (pages < 2) return null;
  return (
    <Pagination
      total={pages}
      value={page}
      onChange={setPage}
      size="sm"
      getControlProps={(control) => ({
        'aria-label': `${control === 'previous' ? 'Previous' : 'Next'} page of ${label}`,
      })}
      getItemProps={(p) => ({ 'aria-label': `Page ${p} of ${label}` })}
    />
  );
}
