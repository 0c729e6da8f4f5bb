package io.cpor.local.partners;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cpor.local.http.HttpApp;
import io.cpor.local.http.HttpStatusException;
import io.cpor.local.http.Request;
import io.cpor.local.http.Response;
import io.cpor.local.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Partner Center knows of a partner, for the local platform: {@code GET /partners/{partnerId}} answers the
 * registered organisation name, its country and the incentive programs it is enrolled in, or 404 for a PartnerID it
 * does not know. In production the same API is served at a configured base URL.
 */
public final class PartnerDirectory {

    private static final String DEMO_PARTNERS = "/io/cpor/local/partners/demo-partners.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Partner> partners;

    PartnerDirectory(Map<String, Partner> partners) {
        this.partners = Map.copyOf(partners);
    }

    /** A partner organisation as registered. */
    public record Partner(String partnerId, String name, String country, List<String> programs) {
    }

    public static HttpApp start(String host, int port) throws IOException {
        PartnerDirectory directory = new PartnerDirectory(demoPartners());
        Routes routes = new Routes().on("GET", "/partners/{partnerId}", directory::partner);
        return HttpApp.start("partner-directory", host, port, routes, PartnerDirectory::error, 0);
    }

    /** The demo partners, by PartnerID. */
    public static Map<String, Partner> demoPartners() {
        try (InputStream in = PartnerDirectory.class.getResourceAsStream(DEMO_PARTNERS)) {
            DemoPartners file = new ObjectMapper(new YAMLFactory()).readValue(in, DemoPartners.class);
            Map<String, Partner> byId = new LinkedHashMap<>();
            file.partners().forEach(partner -> byId.put(partner.partnerId(), partner));
            return byId;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEMO_PARTNERS, e);
        }
    }

    private Response partner(Request request) {
        String partnerId = request.pathParam("partnerId");
        Partner partner = partners.get(partnerId);
        if (partner == null) {
            throw new HttpStatusException(404, "No partner with PartnerID " + partnerId);
        }
        ObjectNode body = JSON.createObjectNode().put("partnerId", partner.partnerId()).put("name", partner.name())
                .put("country", partner.country());
        partner.programs().forEach(body.putArray("programs")::add);
        return Response.of(200, "application/json; charset=utf-8", body.toString());
    }

    private static Response error(HttpStatusException failure) {
        return Response.of(failure.status(), "application/json; charset=utf-8", JSON.createObjectNode()
                .put("error", failure.status() == 404 ? "not_found" : "error")
                .put("message", failure.getMessage()).toString());
    }

    private record DemoPartners(List<Partner> partners) {
    }
}
