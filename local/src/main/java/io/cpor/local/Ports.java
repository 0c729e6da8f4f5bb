package io.cpor.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ports of the platform's servers. */
public record Ports(int kafka, int kafkaController, int mongo, int schemaRegistry, int issuer, int smtp, int imap,
        int inbox, int tenantDirectory, int partnerDirectory, int subscriptionDirectory) {

    /** The documented ports (README, DESIGN.md section 7). */
    public static Ports standard() {
        return new Ports(9092, 9093, 27017, 8081, 9000, 1025, 1143, 8025, 8090, 8091, 8092);
    }

    /** Ports free on this machine right now, for tests that must not collide with a running stack. */
    public static Ports free() {
        List<Integer> ports = freePorts(11);
        return new Ports(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4), ports.get(5),
                ports.get(6), ports.get(7), ports.get(8), ports.get(9), ports.get(10));
    }

    /** Each port with the part of the platform that listens on it. */
    public Map<String, Integer> byComponent() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka broker", kafka);
        ports.put("Kafka controller", kafkaController);
        ports.put("MongoDB wire server", mongo);
        ports.put("schema registry", schemaRegistry);
        ports.put("OAuth2 issuer", issuer);
        ports.put("SMTP", smtp);
        ports.put("IMAP", imap);
        ports.put("inbox page", inbox);
        ports.put("tenant directory", tenantDirectory);
        ports.put("partner directory", partnerDirectory);
        ports.put("subscription directory", subscriptionDirectory);
        return ports;
    }

    /** Fails, naming the port and its use, if any of them is taken on {@code host}. */
    public void requireFree(String host) {
        List<String> taken = new ArrayList<>();
        byComponent().forEach((component, port) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
                socket.setReuseAddress(true);
            }
            catch (IOException e) {
                taken.add(port + " (" + component + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Port(s) already in use on " + host + ": " + String.join(", ", taken)
                    + ". Is a CPOR platform already running? Try ./cpor status");
        }
    }

    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        Set<Integer> ports = new HashSet<>();
        try {
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return new ArrayList<>(ports);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                }
                catch (IOException e) {
                    // already closed
                }
            }
        }
    }
}
