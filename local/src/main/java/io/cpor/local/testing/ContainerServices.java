package io.cpor.local.testing;

import io.cpor.local.ExternalServices;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and MongoDB in containers, the same images as docker-compose.yml: one broker in KRaft mode, and MongoDB as a
 * single-member replica set (Testcontainers initiates it). Only touched when {@link PlatformMode#CONTAINERS} was
 * chosen, so Testcontainers need not be on a classpath that does not use it.
 */
final class ContainerServices implements AutoCloseable {

    static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    static final String MONGO_IMAGE = "mongo:8.0.17";

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerServices(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static boolean dockerAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** Starts both containers (in parallel) and returns once each is ready. */
    static ContainerServices start() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE)).withReplicaSet();
        try {
            Startables.deepStart(kafka, mongo).join();
        }
        catch (RuntimeException e) {
            kafka.stop();
            mongo.stop();
            throw e;
        }
        return new ContainerServices(kafka, mongo);
    }

    ExternalServices external() {
        return new ExternalServices(kafka.getBootstrapServers(), mongo.getConnectionString());
    }

    /**
     * Takes the broker away for a fault test: the container is paused, not stopped, so it comes back on the same
     * mapped port with its data, as the embedded broker does.
     */
    void pauseKafka() {
        kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    void unpauseKafka() {
        kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void close() {
        kafka.stop();
        mongo.stop();
    }
}
