/**
 * The customer's decline page (server-rendered HTML that works without JavaScript) and the service's security: the
 * partner API needs a bearer token, the page needs the link's token and a POST from the page itself (CSRF).
 */
package io.cpor.associations.web;
