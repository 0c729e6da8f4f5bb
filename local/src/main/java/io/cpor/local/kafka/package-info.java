/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run in-process through Kafka's own
 * server class, with its log directory kept between runs, and the contract's topics and dead-letter twins.
 */
package io.cpor.local.kafka;
