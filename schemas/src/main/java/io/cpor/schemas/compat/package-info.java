/**
 * Schema compatibility: the levels a schema registry enforces, checked with Avro's own checker, and the gate
 * that keeps the contract's schemas backward compatible with every version released before.
 */
package io.cpor.schemas.compat;
