/**
 * The local OAuth2 issuer: Spring Authorization Server issuing client-credentials JWTs, with a JWKS endpoint and a
 * signing key generated on first start and kept under the data directory. It holds the demo clients, which exist
 * only here: in production the services trust a real issuer (e.g. Entra ID).
 */
package io.cpor.local.issuer;
