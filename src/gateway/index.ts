export { createKeyManagerClient, type KeyManagerClient } from './key-manager-client.js';
export { registerTokenPassThrough, refuseTokenApiOverHttp } from './token-routes.js';
