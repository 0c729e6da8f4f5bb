package io.cpor.schemas.serde;

/**
 * The schema registry answered with an error. {@link #errorCode()} is Confluent's code, e.g. 40401 (subject not
 * found), 40403 (schema not found), 40901 (incompatible schema), 42201 (invalid schema).
 */
public class SchemaRegistryException extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    protected SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.errorCode = -1;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }
}
