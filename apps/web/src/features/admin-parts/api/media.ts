import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { ApiProblem, call } from '../../../shared/api/problem';
import { sendWithProgress } from '../../../shared/api/send-with-progress';
import { adminPartsTexts as t } from '../texts';

export type Media = Schemas['MediaDto'];
const mediaKey = (productId: string) => ['products', productId, 'media'] as const;

/** Files the API accepts, by kind (the service checks the bytes again). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const DATASHEET_TYPES = ['application/pdf'];

/** GET /products/{id}/media: images (primary first), then datasheets. */
export function useProductMedia(productId: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: mediaKey(productId),
    queryFn: () =>
      call(api.GET('/api/v1/products/{id}/media', { params: { path: { id: productId } } })),
  });
}

/**
 * One file to a part: ask for an upload (POST …/media/uploads), PUT the file straight to
 * storage with progress, then complete (POST …/uploads/{uploadId}/complete), where the
 * service checks size and magic bytes. Any refusal throws an ApiProblem saying why.
 */
export function useUploadMedia(productId: string) {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, onProgress }: { file: File; onProgress: (f: number) => void }) => {
      const kind = DATASHEET_TYPES.includes(file.type) ? 'datasheet' : 'image';
      const path = { id: productId };
      const ticket = await call(
        api.POST('/api/v1/products/{id}/media/uploads', {
          params: { path },
          body: {
            kind,
            filename: file.name,
            contentType: file.type as Schemas['RequestUploadDto']['contentType'],
            size: file.size,
          },
        }),
      );
      let answer;
      try {
        answer = await sendWithProgress({
          method: ticket.method,
          url: ticket.url,
          headers: ticket.headers as Record<string, string>,
          body: file,
          onProgress,
        });
      } catch {
        throw new ApiProblem('network', 0, null);
      }
      if (answer.status < 200 || answer.status >= 300) {
        throw new ApiProblem('http', answer.status, {
          statusCode: answer.status,
          error: 'Storage refused the upload',
          message: t.storageRefused(answer.status),
          correlationId: '',
        });
      }
      return call(
        api.POST('/api/v1/products/{id}/media/uploads/{uploadId}/complete', {
          params: { path: { id: productId, uploadId: ticket.uploadId } },
          body: {},
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['products', productId] }),
  });
}

/** POST /products/{id}/media/{mediaId}/primary. */
export function useSetPrimaryImage(productId: string) {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mediaId: string) =>
      call(
        api.POST('/api/v1/products/{id}/media/{mediaId}/primary', {
          params: { path: { id: productId, mediaId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products', productId] }),
  });
}

/** DELETE /products/{id}/media/{mediaId}: the record and the file in storage. */
export function useDeleteMedia(productId: string) {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mediaId: string) =>
      call(
        api.DELETE('/api/v1/products/{id}/media/{mediaId}', {
          params: { path: { id: productId, mediaId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products', productId] }),
  });
}
