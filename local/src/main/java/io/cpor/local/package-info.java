/**
 * The embedded platform: every stand-in a CPOR service needs, on real protocols, in one process. {@link
 * io.cpor.local.LocalPlatform} starts them in order and hands out their {@link io.cpor.local.Endpoints}; the same
 * object backs {@code ./cpor up}, the services' integration tests and the end-to-end tests.
 */
package io.cpor.local;
