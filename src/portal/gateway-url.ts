import type { Config } from '../config/index.js';
/** This instance's Gateway as browsers and scripts reach it: https://<hostname>:<8243+offset>. */
export function gatewayUrl(config: Config): string {
  const host = config.hostname.includes(':') ? `[${config.hostname}]` : config.hostname;
  return `https://${host}:${config.ports.gatewayHttps}`;
}
