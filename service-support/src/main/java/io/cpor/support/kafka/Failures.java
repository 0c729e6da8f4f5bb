package io.cpor.support.kafka;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.cpor.schemas.serde.SchemaRegistryUnavailableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Sorts the failure of a record: a fault that passes (retry), a record that can never be handled, or neither. */
public final class Failures {

    private Failures() {
    }

    /** A dependency (database, schema registry, ...) cannot be reached now: the same record will succeed later. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientFailureException || cause instanceof SchemaRegistryUnavailableException
                    || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof MongoException mongo && mongo.hasErrorLabel(
                            MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)) {
                return true;
            }
        }
        return false;
    }

    /** The record cannot be read, or breaks a rule of the contract: retrying would not help. */
    public static boolean isPoison(Throwable failure) {
        if (isTransient(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeserializationException || cause instanceof InvalidEventException) {
                return true;
            }
        }
        return false;
    }
}
