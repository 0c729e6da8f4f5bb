/** The pages: the partner's claims and associations, the validator's queue and reviews. */
package io.cpor.portal.web;
