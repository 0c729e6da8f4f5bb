/**
 * The portal: a backend-for-frontend that renders the partner's and the validator's pages on the server and calls
 * the claims, reviews and associations APIs with the signed-in person's access token. It stores nothing but the
 * session of each person signed in.
 */
package io.cpor.portal;
