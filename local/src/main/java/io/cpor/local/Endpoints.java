package io.cpor.local;

/** Where the platform's servers listen: what a service or a test needs to connect. */
public record Endpoints(String kafkaBootstrapServers, String mongoUri, String schemaRegistryUrl, String issuerUrl,
        String mailHost, int smtpPort, int imapPort, String inboxUrl, String tenantDirectoryUrl) {

    public String tokenUrl() {
        return issuerUrl + "/oauth2/token";
    }

    public String jwksUrl() {
        return issuerUrl + "/oauth2/jwks";
    }

    /** The connection string of one database, e.g. {@code mongodb://127.0.0.1:27017/claims}. */
    public String mongoUri(String database) {
        return mongoUri + "/" + database;
    }
}
