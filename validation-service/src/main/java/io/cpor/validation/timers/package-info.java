/** The durable information deadline (stored with each review, fired by whichever instance sees it due). */
package io.cpor.validation.timers;
