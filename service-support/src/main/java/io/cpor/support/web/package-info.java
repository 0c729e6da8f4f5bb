/**
 * RFC 9457 problem answers for every bad input (malformed JSON, unknown fields, wrong types, invalid values, bodies
 * too large), naming each offending field, never a stack trace; and the exceptions services throw to produce them.
 */
package io.cpor.support.web;
