package io.cpor.schemas.datacontract;

/** A rule set that Confluent's registry would refuse (its error code 42210), with Confluent's reason. */
public final class RuleException extends IllegalArgumentException {

    public RuleException(String message) {
        super(message);
    }
}
