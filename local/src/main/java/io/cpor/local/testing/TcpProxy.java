package io.cpor.local.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP port that forwards to a server and can be cut: while cut, nothing listens on the port (a client's connection
 * is refused, as when the server is down) and open connections are closed. Restoring listens on the same port again.
 * For staging outages of one server (the SMTP server, say) while the rest of the platform runs on.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listening;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listening = listen(0);
        this.port = listening.getLocalPort();
    }

    public int port() {
        return port;
    }

    /** Stops listening and closes every forwarded connection. */
    public synchronized void cut() {
        if (listening != null) {
            closeQuietly(listening);
            listening = null;
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Listens again on the same port. */
    public synchronized void restore() {
        if (listening == null) {
            listening = listen(port);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private ServerSocket listen(int onPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
            daemon("tcp-proxy-" + server.getLocalPort(), () -> accept(server));
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + onPort, e);
        }
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target;
                try {
                    target = new Socket(targetHost, targetPort);
                }
                catch (IOException unreachable) {
                    closeQuietly(client);
                    continue;
                }
                // Forward each write at once: with Nagle's algorithm a request-response protocol such as SMTP
                // waits for delayed acknowledgements (some 40 ms per exchange).
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                open.add(client);
                open.add(target);
                daemon("tcp-proxy-" + port + "-out", () -> pump(client, target));
                daemon("tcp-proxy-" + port + "-in", () -> pump(target, client));
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        }
        catch (IOException ended) {
            // one side closed: close both below
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ignored) {
            // closing anyway
        }
    }
}
