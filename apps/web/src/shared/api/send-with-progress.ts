/**
 * A request whose body's upload progress can be shown (fetch cannot report it): presigned
 * PUTs to storage, CSV imports. Resolves with the answer whatever its status; rejects only
 * when no answer came (network, abort).
 */
export interface ProgressRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body: Blob | string;
  /** 0–1 of the body sent so far. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface ProgressAnswer {
  status: number;
  text: string;
}

export function sendWithProgress(request: ProgressRequest): Promise<ProgressAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        request.onProgress?.(event.loaded / event.total);
      }
    };
    xhr.onload = () => {
      request.onProgress?.(1);
      resolve({ status: xhr.status, text: xhr.responseText });
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    request.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(request.body);
  });
}
