package io.cpor.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An HTTP server on the JDK's built-in implementation, serving {@link Routes}. */
public final class HttpApp implements AutoCloseable {

    /** Renders a failure (a status and a message) as the app's kind of body. */
    @FunctionalInterface
    public interface ErrorRenderer {
        Response render(HttpStatusException failure);
    }

    private static final Logger log = LoggerFactory.getLogger(HttpApp.class);

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Routes routes;
    private final ErrorRenderer errors;
    private final int maxBodyBytes;

    private HttpApp(String name, HttpServer server, ExecutorService executor, Routes routes, ErrorRenderer errors,
            int maxBodyBytes) {
        this.name = name;
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.errors = errors;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Binds {@code host:port} (0 for a free port) and starts serving. */
    public static HttpApp start(String name, String host, int port, Routes routes, ErrorRenderer errors,
            int maxBodyBytes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, name + "-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        HttpApp app = new HttpApp(name, server, executor, routes, errors, maxBodyBytes);
        server.createContext("/", app::handle);
        server.setExecutor(executor);
        server.start();
        return app;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Response response;
        try {
            Request request = request(exchange);
            Routes.Match match = routes.match(request.method(), request.path());
            response = match.handler().handle(new Request(request.method(), request.path(), match.pathParams(),
                    request.query(), request.headers(), request.body()));
        }
        catch (HttpStatusException e) {
            response = errors.render(e);
        }
        catch (Exception e) {
            log.error("{}: {} {} failed", name, exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = errors.render(new HttpStatusException(500, "Internal server error"));
        }
        send(exchange, response);
    }

    private Request request(HttpExchange exchange) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), Map.of(),
                query(exchange.getRequestURI().getRawQuery()), headers, body);
    }

    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw new HttpStatusException(413, "Request body larger than " + maxBodyBytes + " bytes");
        }
        return body;
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        response.headers().forEach((header, value) -> exchange.getResponseHeaders().set(header, value));
        boolean noBody = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
