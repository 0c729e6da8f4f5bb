/**
 * A small HTTP layer over the JDK's built-in server for the platform's lightweight stand-ins (schema registry,
 * tenant directory, inbox page): routes with path templates, size-limited bodies, and one place that turns a
 * failure into an answer instead of a dropped connection.
 */
package io.cpor.local.http;
