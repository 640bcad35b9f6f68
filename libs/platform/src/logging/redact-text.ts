/**
 * Secrets that can hide inside any string of a log line, not under a key pino's `redact`
 * can name: presigned-URL signatures and credentials (X-Amz-Signature, X-Amz-Credential,
 * X-Amz-Security-Token), token and password query parameters, bearer tokens, SigV4
 * `Credential=`/`Signature=` pairs and passwords in `scheme://user:password@host` URLs.
 * Applied to the finished JSON line, so it covers messages, URL fields, error messages and
 * stacks alike. Replacements never contain quotes or backslashes: the line stays valid JSON.
 */
const SENSITIVE_PARAMS =
  'x-amz-signature|x-amz-credential|x-amz-security-token|token|access_token|refresh_token|id_token|password|passwd|secret|client_secret|api_key|apikey|signature|sig';

const RULES: [RegExp, string][] = [
  // ?X-Amz-Signature=…&token=…  (a value ends at &, #, a quote, a backslash or whitespace)
  [new RegExp(`([?&;](?:${SENSITIVE_PARAMS})=)[^&#"'\\s\\\\<>]+`, 'gi'), '$1[REDACTED]'],
  // the same inside a URL that is itself encoded into a query parameter
  [
    new RegExp(`((?:%3F|%26)(?:${SENSITIVE_PARAMS})%3D)(?:(?!%26)[^&#"'\\s\\\\<>])+`, 'gi'),
    '$1[REDACTED]',
  ],
  // {"X-Amz-Signature":"…"}: query parameters logged as an object
  [
    /("(?:x-amz-signature|x-amz-credential|x-amz-security-token)"\s*:\s*")(?:[^"\\]|\\.)*/gi,
    '$1[REDACTED]',
  ],
  // Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…
  [/((?:^|[\s,"])(?:Credential|Signature)=)[^,&\s"\\]+/g, '$1[REDACTED]'],
  // Bearer eyJhbGciOi…
  [/(\bBearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, '$1[REDACTED]'],
  // postgres://user:password@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s"'/:@\\]+:)[^\s"'/@\\]+@/gi, '$1****@'],
];

/** Cheap test first: most lines hold none of these words and are returned untouched. */
const MAYBE_SECRET =
  /x-amz-|token|passw|secret|signature|sig=|credential=|bearer|api_?key|:\/\/[^\s"/@]*:[^\s"/@]*@/i;

export function redactSecretsInText(text: string): string {
  if (!MAYBE_SECRET.test(text)) return text;
  let result = text;
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
  return result;
}
