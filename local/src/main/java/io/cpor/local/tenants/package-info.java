/**
 * A stand-in for Entra ID's tenant discovery: the OpenID configuration document at
 * {@code /{domain-or-tenant}/v2.0/.well-known/openid-configuration}, whose {@code issuer} names the tenant id, for
 * demo tenants and any domain under {@code sandbox.test}; unknown tenants get Entra's 400 answer.
 */
package io.cpor.local.tenants;
