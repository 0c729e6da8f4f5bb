package io.cpor.schemas.serde;

import io.cpor.events.EventMetadata;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.DocumentReference;
import io.cpor.events.claims.PartnerContact;
import io.cpor.schemas.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cost of the serde per record, single thread, after warm-up (no registry call is made then, so the registry's
 * location does not matter). Not a test: run it and read the numbers.
 * <pre>
 * ./mvnw -q -pl schemas test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cpor.schemas.serde.SerdeBenchmark
 * </pre>
 */
public final class SerdeBenchmark {

    private SerdeBenchmark() {
    }

    public static void main(String[] args) {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry(1);
        AvroSerializer serializer = new AvroSerializer(registry);
        serializer.configure(Map.of(), false);
        AvroDeserializer deserializer = new AvroDeserializer(registry);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        ClaimSubmitted event = claimSubmitted();
        byte[] bytes = serializer.serialize(Topics.CLAIMS_SUBMITTED, event);
        System.out.printf("ClaimSubmitted on %s: %d bytes on the wire%n", Topics.CLAIMS_SUBMITTED, bytes.length);

        for (int round = 0; round < 2; round++) {
            String label = round == 0 ? "warm-up" : "measured";
            double serialized = perSecond(() -> serializer.serialize(Topics.CLAIMS_SUBMITTED, event));
            double deserialized = perSecond(() -> deserializer.deserialize(Topics.CLAIMS_SUBMITTED, bytes));
            System.out.printf("%-8s serialize %,.0f records/s (%.2f us each), deserialize %,.0f records/s "
                    + "(%.2f us each)%n", label, serialized, 1e6 / serialized, deserialized, 1e6 / deserialized);
        }
    }

    private static double perSecond(Runnable operation) {
        long count = 0;
        long start = System.nanoTime();
        long deadline = start + 5_000_000_000L;
        long now;
        do {
            for (int i = 0; i < 1_000; i++) {
                operation.run();
            }
            count += 1_000;
            now = System.nanoTime();
        }
        while (now < deadline);
        return count / ((now - start) / 1e9);
    }

    private static ClaimSubmitted claimSubmitted() {
        Claim claim = Claim.newBuilder()
                .setPartnerId("1000001")
                .setName("Contoso Teams rollout")
                .setCustomer(Customer.newBuilder().setTenantId(UUID.randomUUID())
                        .setDomain("contoso.onmicrosoft.com").setLocale("en")
                        .setContact(CustomerContact.newBuilder().setName("Ana Souza").setTitle("CIO")
                                .setEmail("ana.souza@contoso.com").build())
                        .build())
                .setPartnerContact(PartnerContact.newBuilder().setName("Sam Partner")
                        .setEmail("sam@partner-one.example").build())
                .setSolutionArea("MODERN_WORK_SECURITY")
                .setProgram("OSU_M365")
                .setPartnerRole("USE_OR_CONSUME")
                .setWorkloads(List.of("TEAMS", "EXCHANGE_ONLINE"))
                .setProofOfExecution(DocumentReference.newBuilder().setFileName("poe.pdf")
                        .setMediaType("application/pdf").setSizeBytes(48_213)
                        .setSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                        .setUri("https://files.partner-one.example/poe.pdf").build())
                .build();
        return ClaimSubmitted.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                        .setClaimId(UUID.randomUUID()).setCausationId(UUID.randomUUID()).build())
                .setClaim(claim)
                .build();
    }
}
