import { createRequire } from 'node:module';
import { CatalogError } from './errors.js';
import { HTTP_METHODS, type ApiResource } from './model.js';
import { checkResources } from './validate.js';

/** The YAML parser, loaded at the first YAML document only (it costs ~35 ms and ~6 MB at start). */
const yaml = (): typeof import('yaml') =>
  createRequire(import.meta.url)('yaml') as typeof import('yaml');

/** An OpenAPI 3 document's text (JSON or YAML) as an object; CatalogError when it is not one. */
export function parseOpenApi(text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = text.trimStart().startsWith('{')
      ? JSON.parse(text)
      : yaml().parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new CatalogError(
      'invalid',
      `The OpenAPI document is not valid JSON or YAML: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  const d = doc as { openapi?: unknown };
  if (!d || typeof d !== 'object' || typeof d.openapi !== 'string' || !d.openapi.startsWith('3.')) {
    throw new CatalogError(
      'invalid',
      'Only OpenAPI 3.x documents can be imported (an "openapi": "3.x" field is required).',
    );
  }
  return doc as Record<string, unknown>;
}

/**
 * Resources from an OpenAPI 3 document (JSON or YAML): one per path and operation. An
 * operation's scope is the first scope of its first security requirement (WSO2 binds one
 * scope per resource); an empty `security: []` means no authentication.
 */
export function resourcesFromOpenApi(text: string): ApiResource[] {
  const d = parseOpenApi(text) as {
    paths?: Record<string, Record<string, unknown>>;
    security?: unknown;
  };
  const out: Record<string, unknown>[] = [];
  for (const [path, item] of Object.entries(d.paths ?? {})) {
    if (!item || typeof item !== 'object') continue;
    for (const [m, op] of Object.entries(item)) {
      const method = m.toUpperCase();
      if (!(HTTP_METHODS as readonly string[]).includes(method) || !op || typeof op !== 'object')
        continue;
      const security = (op as { security?: unknown }).security ?? d.security;
      const none = Array.isArray(security) && security.length === 0;
      const first =
        Array.isArray(security) && security[0] && typeof security[0] === 'object'
          ? Object.values(security[0] as object)[0]
          : undefined;
      const scope = Array.isArray(first) && typeof first[0] === 'string' ? first[0] : null;
      out.push({ method, uriTemplate: path, authType: none ? 'none' : 'oauth', scope });
    }
  }
  return checkResources(out);
}
