/** The services' published OpenAPI documents, held to what the services answer. */
package io.cpor.support.openapi;
