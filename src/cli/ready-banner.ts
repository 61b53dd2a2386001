/** What `tollgate start` learns of the servers it started: their base URLs, each if it runs. */
export interface StartedUrls {
  readonly gateway?: string;
  readonly gatewayHttp?: string;
  readonly management?: string;
}

/**
 * The few lines printed once Tollgate is ready, as WSO2 prints its console URLs: where the Token
 * API, the Gateway and the web UIs of this instance are (ports with [server] offset added).
 * The first line, "Tollgate ready in N ms (profile): ...", is what scripts and tests wait for.
 */
export function readyBanner(urls: StartedUrls, how: string, elapsedMs: number): string {
  const { gateway, gatewayHttp, management } = urls;
  const parts = [
    gateway && `gateway ${gateway} (token API ${gateway}/token)`,
    gatewayHttp && `http ${gatewayHttp}`,
    management && `management ${management}`,
  ];
  const rows: Array<[string, string | undefined]> = [
    ['Token API', gateway && `${gateway}/token`],
    ['Gateway', [gateway, gatewayHttp].filter(Boolean).join('  ') || undefined],
    ['Developer Portal', management && `${management}/devportal`],
    ['Publisher', management && `${management}/publisher`],
    ['Admin', management && `${management}/admin`],
  ];
  const shown = rows.filter((r): r is [string, string] => Boolean(r[1]));
  const width = Math.max(...shown.map(([label]) => label.length));
  return [
    `Tollgate ready in ${elapsedMs} ms (${how}): ${parts.filter(Boolean).join(', ')}`,
    ...shown.map(([label, url]) => `  ${label.padEnd(width)}  ${url}`),
  ].join('\n');
}
