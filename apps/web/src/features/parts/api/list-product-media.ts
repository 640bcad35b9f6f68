import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

/** GET /products/{id}/media: images (primary first) and datasheets, with URLs to open. */
export function useProductMedia(id: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['products', 'media', id],
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/products/{id}/media', { params: { path: { id } }, signal })),
    select: (media) => ({
      images: media
        .filter((item) => item.kind === 'image')
        .sort((a, b) => Number(b.primary) - Number(a.primary)),
      datasheets: media.filter((item) => item.kind === 'datasheet'),
    }),
  });
}
