/** The partner's associations API: {@code GET /api/v1/associations}. */
package io.cpor.associations.api;
