package io.cpor.support.kafka;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.cpor.schemas.serde.SchemaRegistryUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Sorts the failure of a record: a fault that passes (retry), a record that can never be handled, or neither. */
public final class Failures {

    private Failures() {
    }

    /**
     * A dependency (database, schema registry, ...) cannot be reached now, or did not answer in time: the same record
     * will succeed later. A timeout is always transient, whoever raised it: a {@code block(timeout)} on a slow
     * database raises an {@link IllegalStateException} caused by a {@link TimeoutException}.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof TransientFailureException || cause instanceof SchemaRegistryUnavailableException
                    || cause instanceof TimeoutException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoExecutionTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof MongoException mongo && (mongo.hasErrorLabel(
                            MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                            || mongo.hasErrorLabel("RetryableWriteError"))) {
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
        for (Throwable cause : causes(failure)) {
            if (cause instanceof DeserializationException || cause instanceof InvalidEventException) {
                return true;
            }
        }
        return false;
    }

    /** The failure and its causes, at most 32 deep (a cause chain can loop). */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && chain.size() < 32 && !chain.contains(cause);
                cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
