import type { Schemas } from '@inventory/api-client';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export interface ExportFilters {
  search?: string;
  categoryId?: string;
  active?: boolean;
  status?: Schemas['StockStatus'];
}

/**
 * GET /products/export.csv with the list's filters, saved as a file. The request carries the
 * session's token, so it cannot be a plain link: the answer becomes a download.
 */
export function useExportProducts() {
  const { api } = useApi();
  return useMutation({
    mutationFn: async (filters: ExportFilters) => {
      const csv = await call(
        api.GET('/api/v1/products/export.csv', {
          params: { query: filters },
          parseAs: 'blob',
        }),
      );
      const name = `products-${new Date().toISOString().slice(0, 10)}.csv`;
      const url = URL.createObjectURL(csv as unknown as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return name;
    },
  });
}
