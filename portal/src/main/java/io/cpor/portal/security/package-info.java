/** Signing people in at the issuer, the token relay to the APIs, and the pages' security headers. */
package io.cpor.portal.security;
