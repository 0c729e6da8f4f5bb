package io.cpor.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;
import io.cpor.schemas.serde.SchemaRegistryUnavailableException;
import java.time.Duration;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import reactor.core.publisher.Mono;

class FailuresTests {

    @Test
    void aBlockOnASlowDatabaseThatTimesOutIsTransient() {
        Throwable timeout = catchThrowable(() -> Mono.never().block(Duration.ofMillis(1)));

        assertThat(timeout).isInstanceOf(IllegalStateException.class);
        assertThat(Failures.isTransient(new ListenerExecutionFailedException("listener failed", timeout))).isTrue();
        assertThat(Failures.isPoison(timeout)).isFalse();
    }

    @Test
    void aDatabaseWithoutItsPrimaryOrSocketIsTransient() {
        assertThat(Failures.isTransient(new MongoNotPrimaryException(new BsonDocument(), new ServerAddress())))
                .isTrue();
        assertThat(Failures.isTransient(new MongoSocketReadTimeoutException("slow", new ServerAddress(),
                new java.net.SocketTimeoutException()))).isTrue();
    }

    @Test
    void aRecordThatCannotBeReadIsPoisonUnlessTheRegistryIsAway() {
        DeserializationException unreadable = new DeserializationException("bad", new byte[0], false,
                new SerializationException("Malformed record"));
        DeserializationException registryAway = new DeserializationException("later", new byte[0], false,
                new SerializationException("now", new SchemaRegistryUnavailableException("away", null)));

        assertThat(Failures.isPoison(unreadable)).isTrue();
        assertThat(Failures.isPoison(registryAway)).isFalse();
        assertThat(Failures.isTransient(registryAway)).isTrue();
    }

    @Test
    void anErrorOfTheListenerIsNeitherTransientNorPoisonSoItIsRetriedThenDeadLettered() {
        ListenerErrorException error = new ListenerErrorException("l", new StackOverflowError());

        assertThat(Failures.isTransient(error)).isFalse();
        assertThat(Failures.isPoison(error)).isFalse();
        assertThat(CporKafkaAutoConfiguration.backOffFor(error)).isSameAs(CporKafkaAutoConfiguration.OTHER);
    }

    @Test
    void aCauseChainThatLoopsIsWalkedOnce() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(Failures.isTransient(first)).isFalse();
        assertThat(Failures.isPoison(first)).isFalse();
    }
}
