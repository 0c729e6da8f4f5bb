package io.cpor.local;

import java.nio.file.Path;

/**
 * How to run the platform.
 *
 * @param host the address every server binds (loopback by default)
 * @param dataDirectory where state is kept between runs ({@code kafka/}, {@code mongo/}, {@code registry/},
 *     {@code issuer/}, {@code mail/})
 * @param ports the ports to listen on
 * @param partitions partitions of each contract topic and of its dead-letter twin
 */
public record PlatformSettings(String host, Path dataDirectory, Ports ports, int partitions) {

    public static final int DEFAULT_PARTITIONS = 6;

    /** The standard ports on loopback, state under {@code dataDirectory}. */
    public static PlatformSettings standard(Path dataDirectory) {
        return new PlatformSettings("127.0.0.1", dataDirectory, Ports.standard(), DEFAULT_PARTITIONS);
    }

    /** Free ports on loopback, state under {@code dataDirectory}. */
    public static PlatformSettings onFreePorts(Path dataDirectory) {
        return new PlatformSettings("127.0.0.1", dataDirectory, Ports.free(), DEFAULT_PARTITIONS);
    }
}
