package io.cpor.claims.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a request as parsed and written back in one canonical form, so whitespace and key order do not
 * make two equal requests different.
 */
final class RequestFingerprints {

    private final JsonMapper json;

    RequestFingerprints(JsonMapper json) {
        this.json = json;
    }

    String of(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(
                    request)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
