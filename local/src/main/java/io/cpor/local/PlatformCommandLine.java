package io.cpor.local;

import java.nio.file.Path;

/** Reads {@link PlatformSettings} from {@code --name=value} arguments. */
final class PlatformCommandLine {

    private PlatformCommandLine() {
    }

    static PlatformSettings parse(String[] args) {
        Path data = Path.of("data");
        String host = "127.0.0.1";
        int partitions = PlatformSettings.DEFAULT_PARTITIONS;
        boolean freePorts = false;
        Ports ports = Ports.standard();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--data-dir" -> data = Path.of(value);
                case "--host" -> host = value;
                case "--partitions" -> partitions = Integer.parseInt(value);
                case "--free-ports" -> freePorts = true;
                case "--ports" -> ports = parsePorts(value);
                default -> throw new IllegalArgumentException("Unknown option " + arg + "; known: --data-dir=, "
                        + "--host=, --partitions=, --free-ports, --ports=kafka,controller,mongo,registry,issuer,"
                        + "smtp,imap,inbox,tenants,partners,subscriptions");
            }
        }
        return new PlatformSettings(host, data, freePorts ? Ports.free() : ports, partitions);
    }

    private static Ports parsePorts(String value) {
        String[] parts = value.split(",");
        if (parts.length != 11) {
            throw new IllegalArgumentException("--ports needs 11 comma-separated ports");
        }
        int[] p = new int[11];
        for (int i = 0; i < 11; i++) {
            p[i] = Integer.parseInt(parts[i].trim());
        }
        return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10]);
    }
}
