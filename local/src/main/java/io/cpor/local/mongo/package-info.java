/**
 * A MongoDB wire-protocol server (mongo-java-server with its H2 MVStore backend) that commits the store before it
 * answers, so an acknowledged write survives a kill of the process, as MongoDB's journal does.
 */
package io.cpor.local.mongo;
