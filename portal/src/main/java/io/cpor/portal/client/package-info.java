/** The three APIs as the portal calls them: with the signed-in person's token, their problem answers kept. */
package io.cpor.portal.client;
