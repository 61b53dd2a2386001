import type { CorsSettings } from '../config/index.js';

export type ApiStatus = 'CREATED' | 'PUBLISHED' | 'DEPRECATED' | 'BLOCKED' | 'RETIRED';
export type AuthType = 'oauth' | 'none';
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One operation of an API: a method and a URI template below the API's context. */
export interface ApiResource {
  readonly method: HttpMethod;
  /** "/menu", "/order/{orderId}", or "/*" for anything. */
  readonly uriTemplate: string;
  readonly authType: AuthType;
  /** A Key Manager scope the token must carry; null = any valid token. */
  readonly scope: string | null;
}

export interface Api {
  readonly id: string;
  readonly name: string;
  /** "/pizzashack": the version is appended to make the Gateway path. */
  readonly context: string;
  readonly version: string;
  readonly description: string;
  readonly productionUrl: string;
  /** Empty = no sandbox endpoint: sandbox keys are refused. */
  readonly sandboxUrl: string;
  readonly status: ApiStatus;
  readonly ownerId: string;
  readonly resources: readonly ApiResource[];
  /** The API's own CORS settings; null: the Gateway's [apim.cors]. */
  readonly cors: CorsSettings | null;
  /** The default version of its context: the Gateway also serves it at the context alone. */
  readonly isDefaultVersion: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The path the Gateway serves an API under: context then version (WSO2's /pizzashack/1.0.0). */
export const gatewayPath = (api: Pick<Api, 'context' | 'version'>) =>
  `${api.context}/${api.version}`;
