export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
/** The path the Gateway serves an API under: context then version (WSO2's /pizzashack/1.0.0). */
export const gatewayPath = (api) => `${api.context}/${api.version}`;
//# sourceMappingURL=model.js.map