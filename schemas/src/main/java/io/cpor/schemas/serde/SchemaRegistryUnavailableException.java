package io.cpor.schemas.serde;

/**
 * No schema registry could be reached, or it answered with a server error. A transient fault: the same call may
 * succeed later, so a consumer should retry the record rather than dead-letter it.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
