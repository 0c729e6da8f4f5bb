package io.cpor.validation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server in front of one of the platform's directories that can be made to fail (503), so a test can show
 * that an unreachable directory delays a check instead of deciding it.
 */
public final class FlakyDirectory {

    private final HttpServer server;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();

    public FlakyDirectory(String target) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body;
            int status;
            if (down.get()) {
                refused.incrementAndGet();
                status = 503;
                body = "{\"error\":\"temporarily_unavailable\"}".getBytes();
            }
            else {
                try {
                    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(target
                            + exchange.getRequestURI())).build(), HttpResponse.BodyHandlers.ofByteArray());
                    status = answer.statusCode();
                    body = answer.body();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    status = 502;
                    body = new byte[0];
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void down(boolean isDown) {
        down.set(isDown);
    }

    public int refused() {
        return refused.get();
    }
}
