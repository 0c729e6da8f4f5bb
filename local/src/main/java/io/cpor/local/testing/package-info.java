/**
 * Test support: the platform started once per test JVM on free ports in a temporary directory, for the integration
 * tests of every module. Use {@link io.cpor.local.testing.SharedPlatform#endpoints()} in a
 * {@code @DynamicPropertySource}, or {@link io.cpor.local.testing.EmbeddedPlatform} on a test class to have
 * {@link io.cpor.local.Endpoints} injected. Kafka and MongoDB are embedded, or real images in containers where a
 * Docker engine answers ({@link io.cpor.local.testing.PlatformMode}, {@code -Dcpor.platform=embedded|containers|auto}).
 */
package io.cpor.local.testing;
