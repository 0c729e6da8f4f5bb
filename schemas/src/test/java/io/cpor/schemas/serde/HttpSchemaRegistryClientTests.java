package io.cpor.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry client against a server that answers what it likes: it never holds or trusts more than it should. */
class HttpSchemaRegistryClientTests {

    private HttpServer server;

    @AfterEach
    void stopTheServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void refusesAnAnswerLargerThanAnySchema() throws IOException {
        HttpSchemaRegistryClient client = clientOf(() -> "{\"schema\": \"" + "x".repeat(
                HttpSchemaRegistryClient.MAX_ANSWER_BYTES) + "\"}");

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("with more than 8388608 bytes; refused");
    }

    @Test
    void refusesASchemaThatIsNotAvro() throws IOException {
        HttpSchemaRegistryClient client = clientOf(() -> "{\"schema\": \"{\\\"type\\\": \\\"nonsense\\\"}\"}");

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("not valid Avro");
    }

    @Test
    void refusesARegistrationAnswerWithoutAnId() throws IOException {
        HttpSchemaRegistryClient client = clientOf(() -> "{\"version\": 3}");

        assertThatThrownBy(() -> client.register("s-value", Schema.create(Schema.Type.STRING)))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("has no schema id");
    }

    @Test
    void readsAnOrdinaryAnswer() throws IOException {
        HttpSchemaRegistryClient client = clientOf(() -> "{\"schema\": \"\\\"string\\\"\"}");

        assertThat(client.schemaById(7)).isEqualTo(Schema.create(Schema.Type.STRING));
    }

    private HttpSchemaRegistryClient clientOf(Supplier<String> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            catch (IOException clientWentAway) {
                // The client stops reading at its limit.
            }
        });
        server.start();
        return new HttpSchemaRegistryClient(List.of("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(5), Duration.ofSeconds(-1));
    }
}
