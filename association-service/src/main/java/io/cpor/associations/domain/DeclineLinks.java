package io.cpor.associations.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The customer's decline links: a token of 256 random bits in the URL, only its SHA-256 stored, so the database
 * alone cannot forge a link. A token that is not 43 base64url characters is no token of ours.
 */
public final class DeclineLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;

    public DeclineLinks(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A new token and the link carrying it. */
    public Link newLink() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Link(token, hash(token), baseUrl + "/decline/" + token);
    }

    public static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c)
                && c < 128 || c == '-' || c == '_');
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A link: the token (only ever in the link), its hash (stored) and the URL. */
    public record Link(String token, String tokenHash, String url) {
    }
}
