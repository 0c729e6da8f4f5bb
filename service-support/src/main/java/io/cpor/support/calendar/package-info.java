/** Business days: weekends and configured holidays in a configured zone, and deadlines counted in them. */
package io.cpor.support.calendar;
