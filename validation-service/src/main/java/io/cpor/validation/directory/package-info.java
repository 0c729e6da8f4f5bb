/** The tenant directory adapter: Microsoft Entra ID's OpenID discovery document, read over HTTP and cached. */
package io.cpor.validation.directory;
