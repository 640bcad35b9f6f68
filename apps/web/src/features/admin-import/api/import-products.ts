import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { ApiProblem, toProblem } from '../../../shared/api/problem';
import { sendWithProgress } from '../../../shared/api/send-with-progress';

export type ImportResult = Schemas['ImportResultDto'];

/** One bad line as the console lists it (from a 422's details or a partial import's errors). */
export interface BadLine {
  line: number | null;
  field: string | null;
  message: string;
}

/**
 * POST /products/import with the file as a `text/csv` body, reporting the upload's progress.
 * All or nothing by default (422 listing each bad line); `partial` imports the good rows.
 * Sent outside the API client because fetch cannot report upload progress, and a large
 * file takes longer than the client's timeout; a 401 refreshes the session once.
 */
export function useImportProducts() {
  const { session } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      file,
      partial,
      onProgress,
    }: {
      file: File;
      partial: boolean;
      onProgress: (fraction: number) => void;
    }): Promise<ImportResult> => {
      const url = `/api/v1/products/import${partial ? '?partial=true' : ''}`;
      const send = () =>
        sendWithProgress({
          method: 'POST',
          url,
          headers: {
            'Content-Type': 'text/csv',
            ...(session.token ? { Authorization: `Bearer ${session.token}` } : {}),
          },
          body: file,
          onProgress,
        });
      let answer;
      try {
        answer = await send();
        if (answer.status === 401 && (await session.refresh())) answer = await send();
      } catch (error) {
        throw toProblem(error);
      }
      let body: unknown = null;
      try {
        body = JSON.parse(answer.text);
      } catch {
        body = null;
      }
      if (answer.status >= 200 && answer.status < 300) return body as ImportResult;
      throw toProblem(body, new Response(null, { status: answer.status }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
}

/** The bad lines of a refused (422) import, from its details (`line 7: salePrice`). */
export function badLinesOf(error: unknown): BadLine[] {
  if (!(error instanceof ApiProblem) || error.status !== 422) return [];
  return (error.body?.details ?? []).map((detail) => {
    const match = /^line (\d+)(?:: (.+))?$/.exec(detail.field);
    return {
      line: match ? Number(match[1]) : null,
      field: match ? (match[2] ?? null) : detail.field,
      message: detail.message,
    };
  });
}
