/** Problem answers of the security chain and the partner identity carried by tokens. */
package io.cpor.support.security;
