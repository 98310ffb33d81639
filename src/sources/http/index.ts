export { assertPublicUrl, createSourceHttpClient, type SourceHttpClientOptions } from './source-http-client.js';
export { isNonPublicAddress } from './private-address.js';
export { decodeBody } from './charset-decoder.js';
