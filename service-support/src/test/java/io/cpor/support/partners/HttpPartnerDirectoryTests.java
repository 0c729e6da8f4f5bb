package io.cpor.support.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.cpor.support.kafka.TransientFailureException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The partner directory client against a server that answers as the test says. */
class HttpPartnerDirectoryTests {

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private HttpPartnerDirectory directory;

    private record Answer(int status, String body) {
    }

    @BeforeEach
    void startTheDirectory() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/partners/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/partners/".length());
            asked.add(id);
            Answer answer = answers.getOrDefault(id, new Answer(404, "{\"error\":\"not_found\"}"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        directory = new HttpPartnerDirectory(WebClient.builder(), new PartnerDirectoryProperties(
                "http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(2), 100, Duration.ofMinutes(1)));
    }

    @AfterEach
    void stopTheDirectory() {
        server.stop(0);
    }

    @Test
    void readsARegisteredPartnerOnceAndRemembersIt() {
        answers.put("1000001", new Answer(200, "{\"partnerId\":\"1000001\",\"name\":\"Litware Consulting Ltd\","
                + "\"country\":\"GB\",\"programs\":[\"OSA_SELL\",\"OSU_M365\"]}"));

        Optional<RegisteredPartner> first = directory.partner("1000001").block();
        Optional<RegisteredPartner> again = directory.partner("1000001").block();

        assertThat(first).hasValueSatisfying(partner -> {
            assertThat(partner.name()).isEqualTo("Litware Consulting Ltd");
            assertThat(partner.enrolledIn("OSU_M365")).isTrue();
            assertThat(partner.enrolledIn("OSU_BUSINESS_APPLICATIONS")).isFalse();
            assertThat(partner.displayName()).isEqualTo("Litware Consulting Ltd (PartnerID 1000001)");
        });
        assertThat(again).isEqualTo(first);
        assertThat(asked).containsExactly("1000001");
    }

    @Test
    void knowsNoPartnerTheDirectoryDoesNotKnowAndAsksNothingForAMalformedId() {
        assertThat(directory.partner("9999999").block()).isEmpty();
        assertThat(directory.partner("1000001\r\nX: y").block()).isEmpty();
        assertThat(directory.partner("../admin").block()).isEmpty();
        assertThat(asked).containsExactly("9999999");
    }

    @Test
    void aDirectoryThatFailsOrAnswersSomethingElseIsATransientFaultNeverAnAnswer() {
        answers.put("1000002", new Answer(503, "busy"));
        answers.put("1000003", new Answer(200, "{\"partnerId\":\"4242\",\"name\":\"Someone else\"}"));

        assertThatThrownBy(() -> directory.partner("1000002").block()).isInstanceOf(TransientFailureException.class);
        assertThatThrownBy(() -> directory.partner("1000003").block()).isInstanceOf(TransientFailureException.class);
        answers.put("1000002", new Answer(200, "{\"partnerId\":\"1000002\",\"name\":\"Proseware\",\"programs\":[]}"));
        assertThat(directory.partner("1000002").block()).as("nothing cached from the failure").isPresent();
    }
}
